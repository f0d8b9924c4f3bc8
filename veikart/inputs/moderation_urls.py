"""URLs of moderation, readers' reports and the export (included by inputs/urls.py)."""

from django.urls import path

from veikart.inputs import moderation_views

urlpatterns = [
    path(
        "p/<slug:slug>/stab/moderering/",
        moderation_views.moderation_queue,
        name="moderation_queue",
    ),
    path(
        "p/<slug:slug>/stab/moderering/handling/",
        moderation_views.moderation_action,
        name="moderation_action",
    ),
    path(
        "p/<slug:slug>/stab/moderering/<int:pk>/rediger/",
        moderation_views.moderation_redact,
        name="moderation_redact",
    ),
    path("p/<slug:slug>/innspill/<int:pk>/rapporter/", moderation_views.report, name="report"),
    path("p/<slug:slug>/stab/eksport/", moderation_views.export_inputs, name="export"),
]
