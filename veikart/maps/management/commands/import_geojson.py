"""`veikart import-geojson FILE --arena ID [--actor USERNAME] [--dry-run]`.

Imports a GeoJSON FeatureCollection as inputs of one arena, all or nothing: every bad feature
gives one line on stderr ("feature 7: The place is outside the area of this process."), exit
status 2, nothing stored. A missing or unreadable file, an unknown arena or user: a one-line
error, exit status 2. Features imported before (same content) are skipped.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from veikart.accounts.models import User
from veikart.maps import geojson
from veikart.maps.selectors import process_boundaries
from veikart.maps.services import geojson_import
from veikart.processes.models import Arena


class Command(BaseCommand):
    help = "Import a GeoJSON FeatureCollection as map inputs of an arena (all or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--arena", type=int, required=True, help="id of the arena")
        parser.add_argument("--actor", default="", help="username recorded as the importer")
        parser.add_argument("--dry-run", action="store_true", help="check only, store nothing")

    def handle(self, *args, **options) -> None:
        arena = Arena.objects.select_related("process").filter(pk=options["arena"]).first()
        if arena is None:
            raise CommandError(
                _("No arena with id %(id)s.") % {"id": options["arena"]}, returncode=2
            )
        actor = None
        if options["actor"]:
            actor = User.objects.filter(username=options["actor"]).first()
            if actor is None:
                raise CommandError(
                    _("No user %(name)s.") % {"name": options["actor"]}, returncode=2
                )
        path: Path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as e:
            raise CommandError(f"{path}: {e.strerror or e}", returncode=2) from None
        try:
            features = geojson.geojson_read(data)
        except geojson.GeoJSONFileError as e:
            raise CommandError(f"{path}: {e}", returncode=2) from None
        preview = geojson.geojson_check(
            features, boundaries=process_boundaries(process=arena.process)
        )
        if preview.errors:
            for error in preview.errors:
                self.stderr.write(
                    _("feature %(index)d: %(reason)s")
                    % {"index": error.index, "reason": error.reason}
                )
            raise CommandError(
                _("%(n)d bad features: nothing was stored.") % {"n": len(preview.errors)},
                returncode=2,
            )
        if options["dry_run"]:
            self.stdout.write(
                _("%(n)d features are good (dry run: nothing stored).") % {"n": len(preview.rows)}
            )
            return
        result = geojson_import(actor=actor, arena=arena, rows=preview.rows)
        self.stdout.write(
            _("%(created)d inputs imported into “%(arena)s”, %(skipped)d already there.")
            % {**result, "arena": arena.title}
        )
