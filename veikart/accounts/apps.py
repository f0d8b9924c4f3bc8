from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "veikart.accounts"
    label = "accounts"
