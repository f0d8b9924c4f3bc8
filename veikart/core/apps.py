from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "veikart.core"
    label = "core"
