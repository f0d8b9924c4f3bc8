from django.urls import path

from veikart.areas import views

app_name = "areas"
urlpatterns = [
    path("kunnskap/", views.indicator_list, name="indicator_list"),
    path("kunnskap/indikator/<slug:slug>/", views.indicator_detail, name="indicator_detail"),
    path("kunnskap/indikator/<slug:slug>/graf.svg", views.indicator_chart, name="indicator_chart"),
    path("kunnskap/omrade/<slug:slug>/", views.area_report, name="area_report"),
    path("kunnskap/omrade/<slug:slug>/livet-pa.pdf", views.area_report_pdf, name="area_report_pdf"),
    path("kunnskap/import/", views.import_start, name="import_start"),
    path("kunnskap/import/<int:pk>/", views.import_preview, name="import_preview"),
]
