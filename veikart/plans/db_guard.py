"""SQL for the database-level guard of adopted plans (installed by migration plans 0003).

The services refuse first (plans.services.plan_check_editable), with a clear message; these
triggers make sure nothing else (a shell, a bulk update, a future bug) changes an adopted plan.
Guarded: the plan's own fields; inserting or changing goals, strategies and measures of a frozen
plan (a measure's content columns only: status and progress stay free for tracking); adding
partners; and any UPDATE of a saved PlanVersion. Deletes are left to the services and the admin
(test-database flushes delete rows), and MeasureProposal is left to the services, because a
proposal merge re-points links to the surviving proposal.
"""

MESSAGE = "veikart: the plan is adopted and frozen"

MEASURE_COLUMNS = [
    "strategy_id",
    "number",
    "title",
    "description",
    '"order"',
    "responsible_id",
    "starts_on",
    "due_on",
    "budget_line",
    "sdgs",
]
PLAN_COLUMNS = [
    "process_id",
    "title",
    "main_goal",
    "period_start",
    "period_end",
    "status",
    "frozen_at",
]
GOAL_COLUMNS = ["plan_id", "focus_area_id", "title", '"order"']
STRATEGY_COLUMNS = ["goal_id", "title", '"order"']

SQLITE_PLAN = "(SELECT frozen_at FROM plans_plan WHERE id = {}) IS NOT NULL"
SQLITE_GOAL = (
    "(SELECT p.frozen_at FROM plans_goal g JOIN plans_plan p ON p.id = g.plan_id "
    "WHERE g.id = {}) IS NOT NULL"
)
SQLITE_STRATEGY = (
    "(SELECT p.frozen_at FROM plans_strategy s JOIN plans_goal g ON g.id = s.goal_id "
    "JOIN plans_plan p ON p.id = g.plan_id WHERE s.id = {}) IS NOT NULL"
)
SQLITE_MEASURE = (
    "(SELECT p.frozen_at FROM plans_measure m JOIN plans_strategy s ON s.id = m.strategy_id "
    "JOIN plans_goal g ON g.id = s.goal_id JOIN plans_plan p ON p.id = g.plan_id "
    "WHERE m.id = {}) IS NOT NULL"
)


def _changed_sqlite(columns: list[str]) -> str:
    return "(" + " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns) + ")"


def _sqlite_statements() -> list[str]:
    abort = f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    out = [
        "CREATE TRIGGER plans_plan_frozen_update BEFORE UPDATE ON plans_plan "
        f"WHEN OLD.frozen_at IS NOT NULL AND {_changed_sqlite(PLAN_COLUMNS)} {abort}",
        "CREATE TRIGGER plans_planversion_immutable BEFORE UPDATE ON plans_planversion "
        "BEGIN SELECT RAISE(ABORT, 'veikart: a saved plan version cannot change'); END",
    ]
    for table, parent, check, columns in (
        ("plans_goal", "plan_id", SQLITE_PLAN, GOAL_COLUMNS),
        ("plans_strategy", "goal_id", SQLITE_GOAL, STRATEGY_COLUMNS),
        ("plans_measure", "strategy_id", SQLITE_STRATEGY, MEASURE_COLUMNS),
    ):
        out.append(
            f"CREATE TRIGGER {table}_frozen_insert BEFORE INSERT ON {table} "
            f"WHEN {check.format('NEW.' + parent)} {abort}"
        )
        out.append(
            f"CREATE TRIGGER {table}_frozen_update BEFORE UPDATE ON {table} "
            f"WHEN ({check.format('OLD.' + parent)} OR {check.format('NEW.' + parent)}) "
            f"AND {_changed_sqlite(columns)} {abort}"
        )
    out.append(
        "CREATE TRIGGER plans_measure_partners_frozen_insert BEFORE INSERT ON "
        f"plans_measure_partners WHEN {SQLITE_MEASURE.format('NEW.measure_id')} {abort}"
    )
    return out


SQLITE_DROP = [
    "plans_plan_frozen_update",
    "plans_planversion_immutable",
    "plans_goal_frozen_insert",
    "plans_goal_frozen_update",
    "plans_strategy_frozen_insert",
    "plans_strategy_frozen_update",
    "plans_measure_frozen_insert",
    "plans_measure_frozen_update",
    "plans_measure_partners_frozen_insert",
]


def _changed_pg(columns: list[str]) -> str:
    new = ", ".join(f"NEW.{c}" for c in columns)
    old = ", ".join(f"OLD.{c}" for c in columns)
    return f"ROW({new}) IS DISTINCT FROM ROW({old})"


RAISE_PG = f"RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';"

POSTGRES = f"""
CREATE FUNCTION veikart_plan_frozen(plan_pk bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT frozen_at IS NOT NULL FROM plans_plan WHERE id = plan_pk), false)
$$;
CREATE FUNCTION veikart_goal_frozen(goal_pk bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT veikart_plan_frozen((SELECT plan_id FROM plans_goal WHERE id = goal_pk))
$$;
CREATE FUNCTION veikart_strategy_frozen(strategy_pk bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT veikart_goal_frozen((SELECT goal_id FROM plans_strategy WHERE id = strategy_pk))
$$;
CREATE FUNCTION veikart_measure_frozen(measure_pk bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT veikart_strategy_frozen((SELECT strategy_id FROM plans_measure WHERE id = measure_pk))
$$;

CREATE FUNCTION veikart_guard_plan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.frozen_at IS NOT NULL AND {_changed_pg(PLAN_COLUMNS)} THEN {RAISE_PG} END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER plans_plan_frozen_update BEFORE UPDATE ON plans_plan
  FOR EACH ROW EXECUTE FUNCTION veikart_guard_plan();

CREATE FUNCTION veikart_guard_planversion() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'veikart: a saved plan version cannot change'
    USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER plans_planversion_immutable BEFORE UPDATE ON plans_planversion
  FOR EACH ROW EXECUTE FUNCTION veikart_guard_planversion();

CREATE FUNCTION veikart_guard_goal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF veikart_plan_frozen(NEW.plan_id) THEN {RAISE_PG} END IF;
  ELSIF (veikart_plan_frozen(OLD.plan_id) OR veikart_plan_frozen(NEW.plan_id))
        AND {_changed_pg(GOAL_COLUMNS)} THEN {RAISE_PG}
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER plans_goal_frozen BEFORE INSERT OR UPDATE ON plans_goal
  FOR EACH ROW EXECUTE FUNCTION veikart_guard_goal();

CREATE FUNCTION veikart_guard_strategy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF veikart_goal_frozen(NEW.goal_id) THEN {RAISE_PG} END IF;
  ELSIF (veikart_goal_frozen(OLD.goal_id) OR veikart_goal_frozen(NEW.goal_id))
        AND {_changed_pg(STRATEGY_COLUMNS)} THEN {RAISE_PG}
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER plans_strategy_frozen BEFORE INSERT OR UPDATE ON plans_strategy
  FOR EACH ROW EXECUTE FUNCTION veikart_guard_strategy();

CREATE FUNCTION veikart_guard_measure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF veikart_strategy_frozen(NEW.strategy_id) THEN {RAISE_PG} END IF;
  ELSIF (veikart_strategy_frozen(OLD.strategy_id) OR veikart_strategy_frozen(NEW.strategy_id))
        AND {_changed_pg(MEASURE_COLUMNS)} THEN {RAISE_PG}
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER plans_measure_frozen BEFORE INSERT OR UPDATE ON plans_measure
  FOR EACH ROW EXECUTE FUNCTION veikart_guard_measure();

CREATE FUNCTION veikart_guard_measure_partner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF veikart_measure_frozen(NEW.measure_id) THEN {RAISE_PG} END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER plans_measure_partners_frozen BEFORE INSERT ON plans_measure_partners
  FOR EACH ROW EXECUTE FUNCTION veikart_guard_measure_partner();
"""  # noqa: S608 - built from the constants above, no outside input  # nosec B608

POSTGRES_DROP = """
DROP TRIGGER IF EXISTS plans_plan_frozen_update ON plans_plan;
DROP TRIGGER IF EXISTS plans_planversion_immutable ON plans_planversion;
DROP TRIGGER IF EXISTS plans_goal_frozen ON plans_goal;
DROP TRIGGER IF EXISTS plans_strategy_frozen ON plans_strategy;
DROP TRIGGER IF EXISTS plans_measure_frozen ON plans_measure;
DROP TRIGGER IF EXISTS plans_measure_partners_frozen ON plans_measure_partners;
DROP FUNCTION IF EXISTS veikart_guard_plan(), veikart_guard_planversion(), veikart_guard_goal(),
  veikart_guard_strategy(), veikart_guard_measure(), veikart_guard_measure_partner();
DROP FUNCTION IF EXISTS veikart_measure_frozen(bigint), veikart_strategy_frozen(bigint),
  veikart_goal_frozen(bigint), veikart_plan_frozen(bigint);
"""


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in _sqlite_statements():
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for name in SQLITE_DROP:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP)
