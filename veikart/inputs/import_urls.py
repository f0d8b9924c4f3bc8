"""URLs of the import screens (included by inputs/urls.py)."""

urlpatterns: list = []
