from django.urls import path

from veikart.maps import views

app_name = "maps"
urlpatterns = [
    path("p/<slug:slug>/kart/", views.map_view, name="map"),
    path("p/<slug:slug>/kart/grunnlag.json", views.base_map, name="base"),
    path("p/<slug:slug>/kart/data.json", views.map_data, name="data"),
    path("p/<slug:slug>/kart/innspill.geojson", views.export_geojson, name="export"),
    path("p/<slug:slug>/stab/klasseokter/", views.session_list, name="session_list"),
    path("p/<slug:slug>/stab/klasseokter/<int:pk>/", views.session_detail, name="session_detail"),
    path(
        "p/<slug:slug>/stab/klasseokter/<int:pk>/lukk/", views.session_close, name="session_close"
    ),
    path("p/<slug:slug>/stab/kart/import/", views.import_geojson, name="import_geojson"),
    path("klasse/", views.class_join, name="class_join"),
    path("klasse/kart/", views.class_map, name="class_map"),
]
