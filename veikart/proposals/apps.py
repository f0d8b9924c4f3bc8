from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    name = "veikart.proposals"
    label = "proposals"
