from django.db import migrations


def load(apps, schema_editor):
    from veikart.processes.method_catalogue import load_methods

    load_methods(apps.get_model("processes", "Method"))


class Migration(migrations.Migration):
    dependencies = [("processes", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
