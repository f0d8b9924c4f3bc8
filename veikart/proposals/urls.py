from django.urls import path

from veikart.proposals import opinion_urls, staff_views, views

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
    *opinion_urls.urlpatterns,
]
