"""Print the role × action table of veikart/core/permissions.py as Markdown (docs/permissions.md).

`veikart permissions-table --check` exits 1 when docs/permissions.md differs from the table.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from veikart.accounts.models import Role, User
from veikart.core.permissions import PERMISSIONS, can
from veikart.processes.models import PhaseKind, Process

DESCRIPTIONS = {
    "processes.view": "See a process and its public pages",
    "processes.manage": "Change a process: phases, focus areas, settings",
    "processes.view_dashboard": "See the staff screens of a process (ledger, arenas)",
    "arenas.manage": "Plan arenas and record participation",
    "inputs.add": "Send an input through the online form",
    "inputs.enter_offline": "Type inputs from an offline arena (fast staff entry)",
    "inputs.import": "Import inputs from CSV/XLSX",
    "inputs.moderate": "Moderate inputs: publish, hide, redact, handle reports",
    "inputs.export_personal": "Export inputs with personal data",
    "proposals.consolidate": "Make, edit, merge and split proposals",
    "proposals.support": "Support a proposal online",
    "workshops.run": "Run a roadmap workshop",
    "actors.manage": "Create and edit actors",
    "plans.edit": "Draft and edit the plan",
    "plans.record_decision": "Record the political decision",
    "tracking.post_update": "Post a measure update",
    "areas.manage_indicators": "Import and edit the knowledge base",
    "audit.view": "Read the audit log",
    "tracking.view_evaluation": "See the plan's snapshots and export them for research",
    "tracking.take_snapshot": "Take a snapshot of the plan's figures",
    "stats.view_representativeness": "See representativeness with every count (staff)",
}
ROLES = [("anonymous", "Anonymous")] + [(r.value, r.value.capitalize()) for r in Role]
DOC = Path(settings.BASE_DIR) / "docs" / "permissions.md"


def _user(role: str):
    return AnonymousUser() if role == "anonymous" else User(username=role, role=role)


def _phases(action: str, role: str, *, account: bool, public: bool) -> list[PhaseKind]:
    user = _user(role)
    return [
        phase
        for phase in PhaseKind
        if can(
            user, action, Process(current_phase=phase, requires_account=account, is_public=public)
        )
    ]


def _fmt(phases: list[PhaseKind]) -> str:
    if not phases:
        return "–"
    if len(phases) == len(PhaseKind):
        return "✓"
    return ", ".join(str(p.label) for p in phases)


def _cell(action: str, role: str) -> str:
    """✓ in every phase, – never, or the phases; a note when process settings matter."""
    strict = _phases(action, role, account=True, public=False)
    loose = _phases(action, role, account=False, public=True)
    if strict == loose:
        return _fmt(strict)
    if _phases(action, role, account=False, public=False) == loose:
        condition = "when no account is required"
    elif _phases(action, role, account=True, public=True) == loose:
        condition = "public processes"
    else:
        condition = "depending on the process's settings"
    if strict:
        return f"{_fmt(strict)}; {_fmt(loose)} ({condition})"
    return f"{_fmt(loose)} ({condition})"


def render_table() -> str:
    lines = [
        "# Permissions",
        "",
        "Who may do what, in which phase. Generated from `veikart/core/permissions.py` by",
        "`veikart permissions-table` (a test fails when this file is out of date). A superuser",
        "counts as an administrator. Anonymous visitors and children in class sessions have no",
        "account.",
        "",
        "| Action | What it allows | " + " | ".join(label for _r, label in ROLES) + " |",
        "|---|---|" + "---|" * len(ROLES),
    ]
    for action in PERMISSIONS:
        cells = " | ".join(_cell(action, role) for role, _l in ROLES)
        lines.append(f"| `{action}` | {DESCRIPTIONS.get(action, '')} | {cells} |")
    lines.append("")
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Print the permission table as Markdown; --check compares it with docs/permissions.md."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--check", action="store_true")
        parser.add_argument("--write", action="store_true", help="write docs/permissions.md")

    def handle(self, *args, check: bool = False, write: bool = False, **options) -> None:
        with translation.override("en"):
            table = render_table()
        if check:
            if not DOC.exists() or DOC.read_text(encoding="utf-8") != table:
                raise CommandError(
                    "docs/permissions.md is out of date: run 'veikart permissions-table --write'",
                    returncode=1,
                )
            self.stdout.write("docs/permissions.md is up to date.")
        elif write:
            DOC.write_text(table, encoding="utf-8")
            self.stdout.write(f"Wrote {DOC}")
        else:
            self.stdout.write(table)
