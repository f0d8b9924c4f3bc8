"""`veikart export-open-data PROCESS_ID --out FILE.zip`: the open-data ZIP of one process
(the same file as the public download). Unknown process or unwritable file: a one-line error,
exit status 2."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from veikart.processes.models import Process
from veikart.stats.open_data import write_zip


class Command(BaseCommand):
    help = "Write all public data of a process to a ZIP of CSV, JSON and GeoJSON files."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("process", help="process id or slug")
        parser.add_argument("--out", required=True, help="the ZIP file to write")

    def handle(self, *args, **options) -> None:
        key = options["process"]
        lookup = {"pk": int(key)} if key.isdigit() else {"slug": key}
        process = Process.objects.filter(**lookup).first()
        if process is None:
            raise CommandError(_("No process %(key)s.") % {"key": key}, returncode=2)
        if not process.is_public:
            raise CommandError(
                _("The process %(key)s is not public: it has no open data.") % {"key": key},
                returncode=2,
            )
        out = Path(options["out"])
        partial = out.with_name(out.name + ".partial")
        try:
            with partial.open("wb") as f:
                counts = write_zip(process, f)
            partial.replace(out)
        except OSError as e:
            partial.unlink(missing_ok=True)
            raise CommandError(
                _("Cannot write %(file)s: %(error)s") % {"file": out, "error": e.strerror},
                returncode=2,
            ) from None
        self.stdout.write(
            _("Wrote %(file)s: %(inputs)d inputs, %(proposals)d proposals, %(measures)d measures.")
            % {
                "file": out,
                "inputs": counts["inputs"],
                "proposals": counts["proposals"],
                "measures": counts["measures"],
            }
        )
