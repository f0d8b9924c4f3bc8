from django.contrib.auth import views as auth_views
from django.urls import path

from veikart.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.login, name="login"),
    path("mine-data/", views.my_data, name="my_data"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
