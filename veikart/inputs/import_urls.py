"""URLs of the import screens (included by inputs/urls.py, namespace "inputs")."""

from django.urls import path

from veikart.inputs import import_views

urlpatterns = [
    path("p/<slug:slug>/stab/import/", import_views.import_start, name="import_start"),
    path(
        "p/<slug:slug>/stab/import/<int:pk>/kolonner/",
        import_views.import_mapping,
        name="import_mapping",
    ),
    path(
        "p/<slug:slug>/stab/import/<int:pk>/kontroll/",
        import_views.import_preview,
        name="import_preview",
    ),
    path(
        "p/<slug:slug>/stab/import/<int:pk>/importer/",
        import_views.import_commit,
        name="import_commit",
    ),
    path("p/<slug:slug>/stab/import/<int:pk>/", import_views.import_job, name="import_job"),
    path(
        "p/<slug:slug>/stab/import/<int:pk>/feil.csv",
        import_views.import_errors,
        name="import_errors",
    ),
]
