from django.urls import path

from veikart.plans import staff_views, views

app_name = "plans"
urlpatterns = [
    path("p/<slug:slug>/plan/", views.plan_detail, name="detail"),
    path("p/<slug:slug>/tiltak/<int:pk>/", views.measure_detail, name="measure"),
    path("p/<slug:slug>/plan/temaplan.<str:fmt>", views.plan_document, name="document"),
    path("p/<slug:slug>/stab/planer/", staff_views.plan_manage_list, name="manage_list"),
    path("p/<slug:slug>/stab/planer/<int:pk>/", staff_views.plan_manage, name="manage"),
    path("p/<slug:slug>/stab/planer/<int:pk>/mal/", staff_views.goal_add, name="goal_add"),
    path(
        "p/<slug:slug>/stab/planer/<int:pk>/mal/<int:goal_id>/",
        staff_views.goal_edit,
        name="goal_edit",
    ),
    path(
        "p/<slug:slug>/stab/planer/<int:pk>/strategi/",
        staff_views.strategy_add,
        name="strategy_add",
    ),
    path(
        "p/<slug:slug>/stab/planer/<int:pk>/strategi/<int:strategy_id>/",
        staff_views.strategy_edit,
        name="strategy_edit",
    ),
    path("p/<slug:slug>/stab/planer/<int:pk>/tiltak/", staff_views.measure_add, name="measure_add"),
    path(
        "p/<slug:slug>/stab/planer/<int:pk>/tiltak/<int:measure_id>/",
        staff_views.measure_edit,
        name="measure_edit",
    ),
    path("p/<slug:slug>/stab/planer/<int:pk>/flytt/", staff_views.tree_move, name="move"),
    path(
        "p/<slug:slug>/stab/planer/<int:pk>/fra-forslag/",
        staff_views.draft_from_proposals,
        name="from_proposals",
    ),
    path(
        "p/<slug:slug>/stab/planer/<int:pk>/versjoner/",
        staff_views.version_save,
        name="version_save",
    ),
    path(
        "p/<slug:slug>/stab/planer/<int:pk>/versjoner/sammenlign/",
        staff_views.version_diff,
        name="version_diff",
    ),
    path(
        "p/<slug:slug>/stab/planer/<int:pk>/vedtak/",
        staff_views.decision_record,
        name="decision_record",
    ),
    path(
        "p/<slug:slug>/stab/planer/<int:pk>/dokument.<str:fmt>",
        staff_views.plan_manage_document,
        name="manage_document",
    ),
]
