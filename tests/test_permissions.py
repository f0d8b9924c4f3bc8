"""The one permission table, walked completely: every role × action × phase (and the process's
account and visibility settings). EXPECTED is written out by hand on purpose: changing a rule in
veikart/core/permissions.py without changing this table fails the test.
"""

import itertools

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

from veikart.accounts.models import User
from veikart.core.permissions import PERMISSIONS, can
from veikart.processes.models import PhaseKind, Process

ROLES = ["anonymous", "resident", "host", "moderator", "manager", "committee", "admin", "superuser"]
STAFF = {"host", "moderator", "manager", "committee", "admin", "superuser"}
MANAGERS = {"manager", "admin", "superuser"}
SIGNED_IN = set(ROLES) - {"anonymous"}
ALL_PHASES = set(PhaseKind.values)

# action → (roles allowed, phases allowed, special rule)
#   special "account": anonymous is allowed only when the process does not require an account
#   special "public": everyone may when the process is public, else only staff
EXPECTED: dict[str, tuple[set[str], set[str], str]] = {
    "processes.view": (STAFF, ALL_PHASES, "public"),
    "processes.manage": (MANAGERS, ALL_PHASES, ""),
    "processes.view_dashboard": (STAFF, ALL_PHASES, ""),
    "arenas.manage": (MANAGERS, ALL_PHASES, ""),
    "inputs.add": (SIGNED_IN, {"solution_hunt"}, "account"),
    "inputs.enter_offline": ({"host", *MANAGERS}, {"solution_hunt", "workshop"}, ""),
    "inputs.import": (MANAGERS, ALL_PHASES, ""),
    "inputs.moderate": ({"moderator", *MANAGERS}, ALL_PHASES, ""),
    "inputs.export_personal": (MANAGERS, ALL_PHASES, ""),
    "proposals.consolidate": (MANAGERS, ALL_PHASES, ""),
    "proposals.support": (SIGNED_IN, {"solution_hunt", "workshop"}, "account"),
    "workshops.run": ({"host", *MANAGERS}, ALL_PHASES, ""),
    "actors.manage": (MANAGERS, ALL_PHASES, ""),
    "plans.edit": (MANAGERS, ALL_PHASES, ""),
    "plans.record_decision": (MANAGERS, ALL_PHASES, ""),
    "tracking.post_update": ({"committee", *MANAGERS}, {"implementation", "evaluation"}, ""),
    "areas.manage_indicators": (MANAGERS, ALL_PHASES, ""),
    "audit.view": (MANAGERS, ALL_PHASES, ""),
    "classsessions.run": ({"host", *MANAGERS}, ALL_PHASES, ""),
    "classsessions.join": (set(ROLES), {"solution_hunt"}, ""),
    "actors.edit_own": (MANAGERS, ALL_PHASES, ""),  # + the actor's contact person: see below
    "opinions.analyse": ({"host", *MANAGERS}, ALL_PHASES, ""),
    "tracking.view_evaluation": (STAFF, ALL_PHASES, ""),
    "tracking.take_snapshot": (MANAGERS, ALL_PHASES, ""),
    "stats.view_representativeness": (STAFF, ALL_PHASES, ""),
}


def make_user(role: str):
    if role == "anonymous":
        return AnonymousUser()
    if role == "superuser":
        return User(username="su", role="resident", is_superuser=True, is_staff=True)
    return User(username=role, role=role)


def expected(action: str, role: str, phase: str, requires_account: bool, public: bool) -> bool:
    roles, phases, special = EXPECTED[action]
    if phase not in phases:
        return False
    if special == "account" and not requires_account:
        return True
    if special == "public" and public:
        return True
    return role in roles


CASES = list(
    itertools.product(sorted(EXPECTED), ROLES, sorted(ALL_PHASES), [False, True], [True, False])
)


@pytest.mark.parametrize("action,role,phase,requires_account,public", CASES)
def test_permission_table(action, role, phase, requires_account, public):
    process = Process(current_phase=phase, requires_account=requires_account, is_public=public)
    assert can(make_user(role), action, process) is expected(
        action, role, phase, requires_account, public
    )


def test_table_and_expectations_name_the_same_actions():
    assert set(PERMISSIONS) == set(EXPECTED)


def test_unknown_action_is_an_error():
    with pytest.raises(KeyError):
        can(AnonymousUser(), "inputs.delete_everything", None)


def test_inactive_users_have_no_staff_rights():
    user = User(username="gone", role="manager", is_active=False)
    assert not can(user, "processes.manage", Process(current_phase="knowledge"))


def test_docs_permissions_md_is_up_to_date():
    call_command("permissions_table", "--check")


def test_actor_contact_person_may_edit_own_actor_only():
    from veikart.proposals.models import Actor

    kari = User(pk=41, username="kari", role="resident")
    other = User(pk=42, username="ola", role="resident")
    own = Actor(name="Borgen IL", contact_person_id=41)
    assert can(kari, "actors.edit_own", own)
    assert not can(other, "actors.edit_own", own)
    assert not can(AnonymousUser(), "actors.edit_own", Actor(name="Ingen kontakt"))
    assert not can(kari, "actors.manage", own)
    assert can(User(username="m", role="manager"), "actors.edit_own", own)
