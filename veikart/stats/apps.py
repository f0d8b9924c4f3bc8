from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "veikart.stats"
    label = "stats"
