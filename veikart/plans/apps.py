from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "veikart.plans"
    label = "plans"
