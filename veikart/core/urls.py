from django.urls import path

from veikart.core import health, views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("health/", health.health, name="health"),
    path("personvern/", views.privacy, name="privacy"),
    path("tilgjengelighet/", views.accessibility, name="accessibility"),
    path("sprak/<str:code>/", views.language_switch, name="language"),
]
