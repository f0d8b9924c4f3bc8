from django.urls import path

from veikart.api.api import api

urlpatterns = [path("api/v1/", api.urls)]
