from django.urls import path

from veikart.inputs import import_urls, moderation_urls, views

app_name = "inputs"
urlpatterns = [
    path("p/<slug:slug>/innspill/ny/", views.input_create, name="create"),
    path("kvittering/", views.receipt_lookup, name="receipt_lookup"),
    path("kvittering/<str:code>/", views.receipt, name="receipt"),
    path("p/<slug:slug>/stab/arenaer/<int:pk>/innspill/", views.staff_entry, name="staff_entry"),
    *import_urls.urlpatterns,
    *moderation_urls.urlpatterns,
]
