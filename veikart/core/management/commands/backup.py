from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from veikart.core.backup import BackupError, backup_write, database_fingerprint


class Command(BaseCommand):
    help = "Back up the whole database to FILE (SQLite: online backup; PostgreSQL: pg_dump)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        try:
            size = backup_write(file)
        except BackupError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        tables = database_fingerprint()
        rows = sum(t.rows for t in tables.values())
        self.stdout.write(
            f"Backup written to {file}: {size:,} bytes, {len(tables)} tables, {rows:,} rows."
        )
