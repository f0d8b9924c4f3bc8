"""`veikart send-digests [--immediate-only]`: send every waiting digest now.

Run it daily from cron (or let `veikart db_worker` run the scheduled task). Each address gets
one mail with everything waiting for it, marked sent in the same transaction, so running it
twice sends nothing twice.
"""

from django.core.management.base import BaseCommand, CommandParser

from veikart.tracking.digest import digests_send


class Command(BaseCommand):
    help = "Send the e-mail digests of followed inputs, proposals and measures."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--immediate-only",
            action="store_true",
            help="only addresses that chose to hear right away",
        )

    def handle(self, *args, immediate_only: bool = False, **options) -> None:
        result = digests_send(immediate_only=immediate_only)
        self.stdout.write(
            f"Sent {result.mails} digest(s) with {result.notifications} notification(s)."
        )
