from django.urls import path

from veikart.processes import staff_views, views

app_name = "processes"
urlpatterns = [
    path("p/<slug:slug>/", views.process_detail, name="detail"),
    path("p/<slug:slug>/deltakelse/", views.participation, name="participation"),
    path("p/<slug:slug>/stab/arenaer/", staff_views.arena_list, name="arena_list"),
    path("p/<slug:slug>/stab/arenaer/ny/", staff_views.arena_create, name="arena_create"),
    path("p/<slug:slug>/stab/arenaer/<int:pk>/", staff_views.arena_detail, name="arena_detail"),
    path("p/<slug:slug>/stab/arenaer/<int:pk>/endre/", staff_views.arena_edit, name="arena_edit"),
    path(
        "p/<slug:slug>/stab/arenaer/<int:pk>/deltakelse/",
        staff_views.arena_participation,
        name="arena_participation",
    ),
]
