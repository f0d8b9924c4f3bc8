from django.apps import AppConfig


class MapsConfig(AppConfig):
    name = "veikart.maps"
    label = "maps"
