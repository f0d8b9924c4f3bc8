"""`veikart export-geojson PROCESS_ID --out FILE [--all]`: a process's map inputs as a GeoJSON
FeatureCollection for GIS (published ones; --all includes those not yet moderated). No receipt
codes, no authors."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from veikart.maps.selectors import geojson_export
from veikart.processes.models import Process


class Command(BaseCommand):
    help = "Export the map inputs of a process as GeoJSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("process", help="id (or slug) of the process")
        parser.add_argument("--out", type=Path, required=True, help="file to write ('-' = stdout)")
        parser.add_argument("--all", action="store_true", help="also inputs not yet published")

    def handle(self, *args, **options) -> None:
        key = options["process"]
        lookup = {"pk": int(key)} if key.isdigit() else {"slug": key}
        process = Process.objects.filter(**lookup).first()
        if process is None:
            raise CommandError(_("No process %(key)s.") % {"key": key}, returncode=2)
        data = geojson_export(process=process, all_statuses=options["all"])
        text = json.dumps(data, ensure_ascii=False)
        out: Path = options["out"]
        if str(out) == "-":
            self.stdout.write(text)
            return
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as e:
            raise CommandError(f"{out}: {e.strerror or e}", returncode=2) from None
        self.stderr.write(
            _("%(n)d features written to %(file)s.") % {"n": len(data["features"]), "file": out}
        )
