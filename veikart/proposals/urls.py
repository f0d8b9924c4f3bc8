from django.urls import path

from veikart.proposals import (
    actor_views,
    consolidation_views,
    opinion_urls,
    staff_views,
    views,
    workshop_staff_views,
    workshop_views,
)

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
    # online support
    path("p/<slug:slug>/veikart/<int:number>/stotte/", views.proposal_support, name="support"),
    # the workshop in the room: short URLs for phones and the projector
    path("v/", workshop_views.workshop_enter, name="workshop_enter"),
    path("v/<str:code>/", workshop_views.workshop_join, name="workshop_join"),
    path("v/<str:code>/stem/", workshop_views.workshop_vote, name="workshop_vote"),
    path("v/<str:code>/rangering/", workshop_views.workshop_rank, name="workshop_rank"),
    path("v/<str:code>/status/", workshop_views.workshop_phone_status, name="workshop_status"),
    path("v/<str:code>/tavle/", workshop_views.workshop_live, name="workshop_live"),
    # workshop set-up and follow-up (staff)
    path(
        "p/<slug:slug>/stab/verksted/",
        workshop_staff_views.workshop_list,
        name="workshop_list",
    ),
    path(
        "p/<slug:slug>/stab/verksted/<int:pk>/",
        workshop_staff_views.workshop_manage,
        name="workshop_manage",
    ),
    path(
        "p/<slug:slug>/stab/verksted/<int:pk>/forslag/",
        workshop_staff_views.workshop_scope,
        name="workshop_scope",
    ),
    path(
        "p/<slug:slug>/stab/verksted/<int:pk>/bord/",
        workshop_staff_views.workshop_groups,
        name="workshop_groups",
    ),
    path(
        "p/<slug:slug>/stab/verksted/<int:pk>/status/",
        workshop_staff_views.workshop_status,
        name="workshop_set_status",
    ),
    path(
        "p/<slug:slug>/stab/verksted/<int:pk>/resultater/",
        workshop_staff_views.workshop_results,
        name="workshop_results",
    ),
    path(
        "p/<slug:slug>/stab/verksted/<int:pk>/resultater.<str:fmt>",
        workshop_staff_views.workshop_export,
        name="workshop_export",
    ),
    path(
        "p/<slug:slug>/stab/verksted/<int:pk>/gjennomforing/<int:number>/",
        workshop_staff_views.realisation_plan_edit,
        name="realisation_plan",
    ),
    # the actors directory
    path("aktorer/", actor_views.actor_list, name="actor_list"),
    path("aktorer/ny/", actor_views.actor_create, name="actor_create"),
    path("aktorer/<slug:actor_slug>/", actor_views.actor_detail, name="actor_detail"),
    path("aktorer/<slug:actor_slug>/rediger/", actor_views.actor_edit, name="actor_edit"),
    *opinion_urls.urlpatterns,
    path("aktorer/<str:actor_slug>/", actor_views.actor_detail, name="actor_detail"),
    path("aktorer/<str:actor_slug>/rediger/", actor_views.actor_edit, name="actor_edit"),
]
