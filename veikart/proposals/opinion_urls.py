from django.urls import path

from veikart.proposals import opinion_views

urlpatterns = [
    path("p/<slug:slug>/meningskart/", opinion_views.opinion_list, name="opinion_list"),
    path("p/<slug:slug>/stab/meningskart/ny/", opinion_views.opinion_run, name="opinion_run"),
    path(
        "p/<slug:slug>/meningskart/<int:pk>/",
        opinion_views.opinion_detail,
        name="opinion_detail",
    ),
    path(
        "p/<slug:slug>/meningskart/<int:pk>/eksport.<str:fmt>",
        opinion_views.opinion_export,
        name="opinion_export",
    ),
]
