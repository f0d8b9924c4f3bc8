from django.urls import path

from veikart.processes import views

app_name = "processes"
urlpatterns = [
    path("p/<slug:slug>/", views.process_detail, name="detail"),
    path("p/<slug:slug>/deltakelse/", views.participation, name="participation"),
]
