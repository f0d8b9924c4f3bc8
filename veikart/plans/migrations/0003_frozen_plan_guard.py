"""Database-level guard for adopted plans: triggers refuse changes to a frozen plan's content.

The SQL and what it guards (and why deletes and proposal links are left to the services) are in
veikart/plans/db_guard.py.
"""

from django.db import migrations

from veikart.plans.db_guard import backwards, forwards


class Migration(migrations.Migration):
    dependencies = [("plans", "0002_plan_versions_and_freeze")]

    operations = [migrations.RunPython(forwards, backwards)]
