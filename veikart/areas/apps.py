from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "veikart.areas"
    label = "areas"
