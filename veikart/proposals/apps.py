from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    name = "veikart.proposals"
    label = "proposals"

    def ready(self) -> None:
        from veikart.proposals import checks  # noqa: F401  (registers the system checks)
