from django.urls import path

from veikart.stats import views

app_name = "stats"
urlpatterns = [
    path("p/<slug:slug>/fordeling/", views.distribution, name="distribution"),
    path("p/<slug:slug>/representativitet/", views.representativeness, name="representativeness"),
    path(
        "p/<slug:slug>/stab/representativitet/",
        views.representativeness_staff,
        name="representativeness_staff",
    ),
    path("p/<slug:slug>/statistikk/", views.dashboard, name="dashboard"),
    path("p/<slug:slug>/statistikk/<slug:key>.csv", views.dashboard_csv, name="dashboard_csv"),
    path("p/<slug:slug>/apne-data/", views.open_data, name="open_data"),
    path("p/<slug:slug>/apne-data.zip", views.open_data_zip, name="open_data_zip"),
]
