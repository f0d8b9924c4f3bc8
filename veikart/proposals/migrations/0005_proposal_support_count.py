from django.db import migrations, models
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce


def fill(apps, schema_editor):
    """Count the supports each proposal has now (one UPDATE; as support_counts_refresh does)."""
    Proposal = apps.get_model("proposals", "Proposal")
    Support = apps.get_model("proposals", "Support")
    counted = (
        Support.objects.filter(proposal=OuterRef("pk"))
        .order_by()
        .values("proposal")
        .annotate(n=Count("pk"))
        .values("n")
    )
    Proposal.objects.update(
        support_count=Coalesce(Subquery(counted, output_field=IntegerField()), 0)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0004_merge_workshop_and_opinions"),
    ]

    operations = [
        migrations.AddField(
            model_name="proposal",
            name="support_count",
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name="supporters"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
