from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "veikart.tracking"
    label = "tracking"
