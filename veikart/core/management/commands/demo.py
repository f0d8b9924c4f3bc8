from django.core.management.base import BaseCommand

from veikart.core.demo.borgen import load_borgen_demo


class Command(BaseCommand):
    help = "Load the Borgen demo (invented content, the seed's totals). Safe to run again."

    def handle(self, *args, **options) -> None:
        summary = load_borgen_demo()
        state = "already loaded" if summary["already_loaded"] else "loaded"
        shares = summary["realiser_shares"]
        self.stdout.write(
            f"Borgen demo {state}: {summary['participants']} participants, "
            f"{summary['inputs']} inputs, {summary['proposals']} proposals "
            f"(municipality {shares.get('municipality')} %, residents {shares.get('residents')} %, "
            f"partnership {shares.get('partnership')} %), {summary['measures']} measures."
        )
