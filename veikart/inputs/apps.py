from django.apps import AppConfig


class InputsConfig(AppConfig):
    name = "veikart.inputs"
    label = "inputs"
