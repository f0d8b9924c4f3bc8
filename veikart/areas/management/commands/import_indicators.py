"""`veikart import-indicators FILE [--format csv|jsonstat] [--theme THEME] [--actor USERNAME]`.

Stores indicator values from a CSV or JSON-stat 2 file, all or nothing: values already stored
for the same indicator, area and period are updated in place, a new period sits beside the
earlier ones. Any problem: one line per problem on stderr ("line 4: Unknown area …"), exit
status 2, nothing stored.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from veikart.accounts.models import User
from veikart.areas import importing
from veikart.areas.services import IndicatorImportInvalid, indicators_import_file


class Command(BaseCommand):
    help = "Import indicator values from a CSV or JSON-stat 2 file, all or nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--format", choices=importing.FORMATS)
        parser.add_argument("--theme", choices=importing.THEMES, default="living_conditions")
        parser.add_argument("--actor", help="username recorded in the audit log")

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        try:
            content = path.read_bytes()
        except OSError as e:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": path, "error": e.strerror},
                returncode=2,
            ) from None
        actor = None
        if options["actor"]:
            actor = User.objects.filter(username=options["actor"]).first()
            if actor is None:
                raise CommandError(
                    _("No user named %(name)s.") % {"name": options["actor"]}, returncode=2
                )
        fmt = options["format"] or importing.guess_format(path.name, content)
        try:
            result = indicators_import_file(
                actor=actor,
                content=content,
                fmt=fmt,
                label=path.name,
                default_theme=options["theme"],
            )
        except IndicatorImportInvalid as e:
            for problem in e.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                _("%(count)d problems: nothing was stored.") % {"count": len(e.problems)},
                returncode=2,
            ) from None
        self.stdout.write(
            _(
                "Stored %(created)d new values, updated %(updated)d, %(unchanged)d unchanged, "
                "%(indicators)d new indicators; %(skipped)d cells without a value skipped."
            )
            % {
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "indicators": result.new_indicators,
                "skipped": result.skipped,
            }
        )
