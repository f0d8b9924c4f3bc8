from django.apps import AppConfig


class ProcessesConfig(AppConfig):
    name = "veikart.processes"
    label = "processes"
