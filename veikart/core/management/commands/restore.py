from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from veikart.core.backup import BackupError, backup_restore, database_fingerprint


class Command(BaseCommand):
    help = (
        "Replace the database's contents with a backup made by `veikart backup` (all or nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="do not ask; the current data is replaced"
        )

    def handle(self, *args, file: Path, yes: bool, **options) -> None:
        if not yes:
            try:
                answer = input("This replaces everything in the database. Type 'yes' to go on: ")
            except EOFError:
                answer = ""
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing changed.", returncode=2)
        try:
            backup_restore(file)
        except BackupError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        tables = database_fingerprint()
        rows = sum(t.rows for t in tables.values())
        self.stdout.write(f"Restored {file}: {len(tables)} tables, {rows:,} rows.")
