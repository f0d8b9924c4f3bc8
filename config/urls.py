from django.conf import settings
from django.conf.urls.i18n import i18n_patterns  # noqa: F401  (kept for future prefixed URLs)
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("veikart.accounts.urls")),
    path("", include("veikart.core.urls")),
    path("", include("veikart.processes.urls")),
    path("", include("veikart.inputs.urls")),
    path("", include("veikart.areas.urls")),
    path("", include("veikart.proposals.urls")),
    path("", include("veikart.plans.urls")),
    path("", include("veikart.stats.urls")),
    path("", include("veikart.maps.urls")),
    path("", include("veikart.tracking.urls")),
    path("", include("veikart.api.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
