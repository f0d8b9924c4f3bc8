"""The one permission table of Veikart.

Every action is a named rule built from small predicates (the `rules` package). Views call
`user.has_perm(name, obj)`; the object is the Process the action happens in (or None).
`tests/test_permissions.py` walks every role × action × phase of this table, and
`docs/permissions.md` is generated from it (`veikart permissions-table`).
"""

import rules

from veikart.accounts.models import Role
from veikart.processes.models import PhaseKind


def has_role(*roles: str) -> rules.Predicate:
    names = "_".join(roles)

    @rules.predicate(name=f"has_role_{names}")
    def _has_role(user) -> bool:
        if not user or not user.is_authenticated or not user.is_active:
            return False
        if user.is_superuser:
            return Role.ADMIN in roles
        return user.role in roles

    return _has_role


def in_phase(*kinds: str) -> rules.Predicate:
    @rules.predicate(name=f"in_phase_{'_'.join(kinds)}")
    def _in_phase(user, process) -> bool:
        return process is not None and process.current_phase in kinds

    return _in_phase


@rules.predicate
def is_authenticated(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


@rules.predicate
def process_is_public(user, process) -> bool:
    return process is None or process.is_public


@rules.predicate
def process_allows_anonymous(user, process) -> bool:
    return process is None or not process.requires_account


@rules.predicate
def is_actor_contact(user, obj) -> bool:
    """Object-level: the signed-in user is the contact person of this actor (an `Actor`)."""
    contact = getattr(obj, "contact_person_id", None)
    return bool(contact and user and user.is_authenticated and user.is_active) and (
        contact == user.pk
    )


is_admin = has_role(Role.ADMIN)
is_manager = has_role(Role.MANAGER, Role.ADMIN)
is_moderator = has_role(Role.MODERATOR, Role.MANAGER, Role.ADMIN)
is_host = has_role(Role.HOST, Role.MANAGER, Role.ADMIN)
is_committee = has_role(Role.COMMITTEE, Role.MANAGER, Role.ADMIN)
is_staff_role = has_role(Role.HOST, Role.MODERATOR, Role.MANAGER, Role.COMMITTEE, Role.ADMIN)

collecting = in_phase(PhaseKind.SOLUTION_HUNT)
prioritising = in_phase(PhaseKind.SOLUTION_HUNT, PhaseKind.WORKSHOP)
implementing = in_phase(PhaseKind.IMPLEMENTATION, PhaseKind.EVALUATION)

# action name → rule. The only place where who-may-do-what is decided.
PERMISSIONS: dict[str, rules.Predicate] = {
    "processes.view": process_is_public | is_staff_role,
    "processes.manage": is_manager,
    "processes.view_dashboard": is_staff_role,
    "arenas.manage": is_manager,
    "inputs.add": collecting & (process_allows_anonymous | is_authenticated),
    "inputs.enter_offline": is_host & in_phase(PhaseKind.SOLUTION_HUNT, PhaseKind.WORKSHOP),
    "inputs.import": is_manager,
    "inputs.moderate": is_moderator,
    "inputs.export_personal": is_manager,
    "proposals.consolidate": is_manager,
    "proposals.support": prioritising & (process_allows_anonymous | is_authenticated),
    "workshops.run": is_host,
    "actors.manage": is_manager,
    "plans.edit": is_manager,
    "plans.record_decision": is_manager,
    "tracking.post_update": is_committee & implementing,
    "areas.manage_indicators": is_manager,
    "audit.view": is_manager,
    "classsessions.run": is_host,
    "classsessions.join": collecting,
    # object-level: the object is the Actor (its contact person may edit their own entry)
    "actors.edit_own": is_manager | is_actor_contact,
    "opinions.analyse": is_host,
    "tracking.view_evaluation": is_staff_role,
    "tracking.take_snapshot": is_manager,
    "stats.view_representativeness": is_staff_role,
}

for _name, _rule in PERMISSIONS.items():
    rules.add_perm(_name, _rule)


def can(user, action: str, process=None) -> bool:
    """True if `user` may do `action` in `process` (names from PERMISSIONS)."""
    if action not in PERMISSIONS:
        raise KeyError(f"unknown action {action!r}: add it to veikart.core.permissions")
    return rules.has_perm(action, user, process)


# Every URL of the project is guarded by the table: views decorated with
# `core.access.process_view(action)` carry their action; the others are named here with the
# action they check themselves, or one of the OPEN_RULES. tests/test_url_permissions.py fails on
# a URL that is in neither place, and checks that refused requests change nothing.
OPEN_RULES = {
    "open": "anyone",
    "signed_in": "any signed-in account, for its own data",
    "receipt_code": "whoever holds the receipt code",
    "two_factor_step": "whoever passed the password step",
    "workshop_code": "whoever holds the workshop's join code (a phone in the room)",
    "class_code": "whoever holds the class session's code (a pupil); no personal data",
    "signed_link": "whoever holds a signed link sent by e-mail (confirm, unsubscribe)",
    "api": "the REST API (veikart/api): public reads; each write checks this same table",
}
# Every URL in these namespaces follows the rule given (django-ninja names its own URLs).
URL_NAMESPACE_RULES: dict[str, str] = {"api-1": "api"}
URL_RULES: dict[str, str] = {
    "accounts:login": "open",
    "accounts:login_code": "two_factor_step",
    "accounts:logout": "signed_in",
    "accounts:two_factor": "signed_in",
    "accounts:my_data": "signed_in",
    "core:home": "open",
    "core:health": "open",
    "core:privacy": "open",
    "core:accessibility": "open",
    "core:language": "open",
    "processes:detail": "processes.view",
    "processes:participation": "processes.view",
    "inputs:create": "inputs.add",
    "inputs:receipt_lookup": "open",
    "inputs:receipt": "receipt_code",
    "inputs:report": "processes.view",
    "proposals:list": "processes.view",
    "proposals:detail": "processes.view",
    "plans:detail": "processes.view",
    "plans:measure": "processes.view",
    "stats:distribution": "processes.view",
    "stats:representativeness": "processes.view",
    "stats:dashboard": "processes.view",
    "stats:dashboard_csv": "processes.view",
    "stats:open_data": "processes.view",
    "stats:open_data_zip": "processes.view",
    "areas:indicator_list": "open",
    "areas:indicator_detail": "open",
    "areas:indicator_chart": "open",
    "areas:area_report": "open",
    "areas:area_report_pdf": "open",
    "areas:import_start": "areas.manage_indicators",
    "areas:import_preview": "areas.manage_indicators",
    "proposals:support": "proposals.support",
    "proposals:workshop_enter": "open",
    "proposals:workshop_join": "workshop_code",
    "proposals:workshop_vote": "workshop_code",
    "proposals:workshop_rank": "workshop_code",
    "proposals:workshop_status": "workshop_code",
    "proposals:workshop_live": "workshop_code",
    "proposals:actor_list": "open",
    "proposals:actor_detail": "open",
    "proposals:actor_create": "actors.manage",
    "proposals:actor_edit": "actors.edit_own",
    "plans:document": "processes.view",
    "maps:class_join": "class_code",
    "maps:class_map": "class_code",
    "tracking:plan_status": "processes.view",
    "tracking:committee_list": "processes.view",
    "tracking:committee": "processes.view",
    "tracking:attachment": "processes.view",
    "tracking:follow_input": "receipt_code",
    "tracking:follow_proposal": "processes.view",
    "tracking:follow_measure": "processes.view",
    "tracking:confirm": "signed_link",
    "tracking:unsubscribe": "signed_link",
    "tracking:resume": "signed_link",
    "tracking:my_inputs": "signed_in",
}
