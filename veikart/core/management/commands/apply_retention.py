from django.core.management.base import BaseCommand

from veikart.core.retention import retention_apply


class Command(BaseCommand):
    help = "Blank or delete personal data past its retention period (VEIKART['RETENTION_DAYS'])."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only count, change nothing")

    def handle(self, *args, dry_run: bool, **options) -> None:
        counts = retention_apply(dry_run=dry_run)
        verb = "Would clear" if dry_run else "Cleared"
        self.stdout.write(
            f"{verb}: {counts['redacted_originals']} redacted originals in the audit log, "
            f"{counts['report_comments']} report comments, {counts['import_files']} import files, "
            f"{counts['expired_sessions']} expired sessions."
        )
