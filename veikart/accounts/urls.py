from django.contrib.auth import views as auth_views
from django.urls import path

from veikart.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.login, name="login"),
    path("login/kode/", views.login_code, name="login_code"),
    path("tofaktor/", views.two_factor, name="two_factor"),
    path("mine-data/", views.my_data, name="my_data"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
