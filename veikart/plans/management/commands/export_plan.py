"""`veikart export-plan PLAN_ID --format pdf|docx --out FILE`: the plan as a document.

A bad plan id, format or output path: a one-line error on stderr, exit status 2, no file. The
file is written next to FILE first and moved into place, so a failure leaves nothing behind.
"""

import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from veikart.plans.documents import FORMATS, render_plan
from veikart.plans.models import Plan


class Command(BaseCommand):
    help = "Export a plan as PDF or DOCX (in Norwegian)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("plan_id", help="id of the plan")
        parser.add_argument("--format", dest="fmt", default="pdf", help="pdf or docx")
        parser.add_argument("--out", required=True, help="file to write")

    def handle(self, *args, **options) -> None:
        fmt = (options["fmt"] or "").lower()
        if fmt not in FORMATS:
            raise CommandError(
                _("Unknown format %(fmt)s: use pdf or docx.") % {"fmt": options["fmt"]},
                returncode=2,
            )
        try:
            plan = Plan.objects.get(pk=int(options["plan_id"]))
        except (ValueError, Plan.DoesNotExist):
            raise CommandError(
                _("No plan with id %(id)s.") % {"id": options["plan_id"]}, returncode=2
            ) from None
        out = Path(options["out"])
        if not out.parent.is_dir():
            raise CommandError(
                _("The folder %(folder)s does not exist.") % {"folder": out.parent}, returncode=2
            )
        data = render_plan(plan=plan, fmt=fmt)
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".export-plan-", suffix=f".{fmt}")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, out)
        except OSError as e:
            Path(tmp).unlink(missing_ok=True)
            raise CommandError(str(e), returncode=2) from None
        self.stdout.write(
            _("Wrote %(path)s (%(size)s kB).") % {"path": out, "size": len(data) // 1024}
        )
