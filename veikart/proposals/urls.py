from django.urls import path

from veikart.proposals import consolidation_views, staff_views, views

app_name = "proposals"
urlpatterns = [
    path("p/<slug:slug>/veikart/", views.proposal_list, name="list"),
    path("p/<slug:slug>/veikart/<int:number>/", views.proposal_detail, name="detail"),
    path(
        "p/<slug:slug>/stab/forslag/<int:number>/",
        staff_views.proposal_manage,
        name="manage",
    ),
    path(
        "p/<slug:slug>/stab/forslag/<int:number>/slaa-sammen/",
        staff_views.proposal_merge,
        name="merge",
    ),
    path(
        "p/<slug:slug>/stab/forslag/<int:number>/del/",
        staff_views.proposal_split,
        name="split",
    ),
    path(
        "p/<slug:slug>/stab/forslag/<int:number>/innspill/",
        staff_views.proposal_input_action,
        name="input_action",
    ),
    path(
        "p/<slug:slug>/stab/konsolider/",
        consolidation_views.consolidate,
        name="consolidate",
    ),
    path(
        "p/<slug:slug>/stab/konsolider/kjor/",
        consolidation_views.consolidate_run,
        name="consolidate_run",
    ),
    path(
        "p/<slug:slug>/stab/konsolider/<int:run_pk>/<str:key>/",
        consolidation_views.consolidate_cluster,
        name="consolidate_cluster",
    ),
]
