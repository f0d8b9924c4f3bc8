from django.urls import path

from veikart.tracking import evaluation_views, follow_views, views

app_name = "tracking"
urlpatterns = [
    path("p/<slug:slug>/plan/status/", views.plan_status, name="plan_status"),
    path("p/<slug:slug>/utvalg/", views.committee_list, name="committee_list"),
    path("p/<slug:slug>/utvalg/<int:pk>/", views.committee_detail, name="committee"),
    path("p/<slug:slug>/tiltak/<int:pk>/oppdater/", views.update_create, name="update_create"),
    path("p/<slug:slug>/oppdateringer/<int:pk>/vedlegg/", views.attachment, name="attachment"),
    path("kvittering/<str:code>/folg/", follow_views.follow_input, name="follow_input"),
    path(
        "p/<slug:slug>/veikart/<int:number>/folg/",
        follow_views.follow_proposal,
        name="follow_proposal",
    ),
    path("p/<slug:slug>/tiltak/<int:pk>/folg/", follow_views.follow_measure, name="follow_measure"),
    path("folg/bekreft/<str:token>/", follow_views.confirm, name="confirm"),
    path("folg/avslutt/<str:token>/", follow_views.unsubscribe, name="unsubscribe"),
    path("folg/avslutt/<str:token>/angre/", follow_views.resume, name="resume"),
    path("mine-innspill/", follow_views.my_inputs, name="my_inputs"),
    path("p/<slug:slug>/evaluering/", evaluation_views.snapshot_list, name="evaluation"),
    path(
        "p/<slug:slug>/evaluering/eksport.<str:fmt>",
        evaluation_views.snapshot_export,
        name="evaluation_export",
    ),
]
