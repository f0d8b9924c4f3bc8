"""`veikart import-inputs FILE --arena ID [--actor USERNAME] [--dry-run]`.

Imports inputs from a CSV or XLSX file (columns `text` and optionally `group`, `focus_area`,
`lat`, `lon`; see veikart/inputs/importing.py) into one arena, all or nothing. A progress bar
goes to stderr; on success one summary line goes to stdout. Any bad row: one line per bad row
("line 7: text is empty") on stderr, exit status 2, nothing stored. A missing, unreadable or
unknown file, an unknown arena or user: a one-line error, exit status 2.
"""

import hashlib
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper
from django.utils.translation import gettext as _

from veikart.accounts.models import User
from veikart.inputs import importing
from veikart.inputs.import_services import (
    ImportRowsInvalid,
    checker_for,
    imported_lines,
    inputs_import,
)
from veikart.inputs.importing import ImportFileError
from veikart.processes.models import Arena


class ProgressBar:
    """Plain text on stderr: redrawn in place on a terminal, a line every 10 % otherwise."""

    def __init__(self, stream: OutputWrapper, total: int, label: str) -> None:
        self.stream, self.total, self.label = stream, max(total, 1), label
        self.tty = stream.isatty()
        self.shown = -1

    def __call__(self, done: int) -> None:
        percent = min(100, done * 100 // self.total)
        step = 1 if self.tty else 10
        if percent // step == self.shown // step and self.shown >= 0:
            return
        self.shown = percent
        if self.tty:
            bar = "#" * (percent // 4) + "." * (25 - percent // 4)
            self.stream.write(
                f"\r{self.label} [{bar}] {percent:3d}% ({done}/{self.total})", ending=""
            )
        else:
            self.stream.write(f"{self.label} {percent}% ({done}/{self.total})")
        self.stream.flush()

    def end(self) -> None:
        if self.tty and self.shown >= 0:
            self.stream.write("")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


class Command(BaseCommand):
    help = "Import inputs from a CSV or XLSX file into one arena, all or nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="CSV or XLSX file; columns text, group, focus_area, …")
        parser.add_argument("--arena", type=int, required=True, help="id of the arena")
        parser.add_argument("--actor", help="username of the staff member entering the inputs")
        parser.add_argument("--dry-run", action="store_true", help="check every row, store nothing")

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        path = Path(options["file"])
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
                    _("No user named %(name)s.") % {"name": options["actor"]}, returncode=2
                )
        try:
            table = importing.TableFile.from_path(path)
            mapping = importing.mapping_required(table.header())
            total = table.count_rows()
            sha = file_sha256(path)
        except (ImportFileError, OSError) as e:
            raise CommandError(str(e), returncode=2) from None

        progress = ProgressBar(
            self.stderr, total, _("Checking") if options["dry_run"] else _("Importing")
        )
        try:
            if options["dry_run"]:
                preview = importing.preview_make(
                    table,
                    checker_for(process=arena.process, mapping=mapping),
                    imported_lines=imported_lines(process=arena.process, file_sha256=sha),
                    progress=progress,
                    every=max(1, total // 100),
                )
                progress(total)
                progress.end()
                if preview.errors:
                    raise ImportRowsInvalid(preview.errors)
                self.stdout.write(
                    _("Checked %(total)d rows: %(new)d would be imported, %(skipped)d already are.")
                    % {
                        "total": preview.total,
                        "new": preview.new,
                        "skipped": preview.already_imported,
                    }
                )
                return
            result = inputs_import(
                actor=actor,
                arena=arena,
                rows=table.data_rows(),
                mapping=mapping,
                file_sha256=sha,
                progress=progress,
            )
        except ImportRowsInvalid as e:
            progress.end()
            for error in e.errors:
                self.stderr.write(str(error))
            raise CommandError(
                _("%(count)d bad rows: nothing was stored.") % {"count": len(e.errors)},
                returncode=2,
            ) from None
        except (ImportFileError, OSError) as e:
            progress.end()
            raise CommandError(str(e), returncode=2) from None
        progress.end()
        seconds = time.monotonic() - started
        self.stdout.write(
            _(
                "Imported %(created)d inputs into “%(arena)s” (%(skipped)d already imported) "
                "in %(seconds).1f s."
            )
            % {
                "created": result.created,
                "arena": arena.title,
                "skipped": result.skipped,
                "seconds": seconds,
            }
        )
