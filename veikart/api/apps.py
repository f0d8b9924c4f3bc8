from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "veikart.api"
    label = "api"
    verbose_name = "REST API"
