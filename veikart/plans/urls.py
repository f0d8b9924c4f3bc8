from django.urls import path

from veikart.plans import views

app_name = "plans"
urlpatterns = [
    path("p/<slug:slug>/plan/", views.plan_detail, name="detail"),
    path("p/<slug:slug>/tiltak/<int:pk>/", views.measure_detail, name="measure"),
    path("p/<slug:slug>/plan/temaplan.<str:fmt>", views.plan_document, name="document"),
]
