from django.urls import path

from veikart.stats import views

app_name = "stats"
urlpatterns = [path("p/<slug:slug>/fordeling/", views.distribution, name="distribution")]
