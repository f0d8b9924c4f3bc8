from django.urls import path

from veikart.proposals import views

app_name = "proposals"
urlpatterns = [
    path("p/<slug:slug>/veikart/", views.proposal_list, name="list"),
    path("p/<slug:slug>/veikart/<int:number>/", views.proposal_detail, name="detail"),
]
