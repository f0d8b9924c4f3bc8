"""URLs of the moderation screens (included by inputs/urls.py)."""

urlpatterns: list = []
