from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from veikart.accounts.models import User
from veikart.accounts.services import user_erase


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "display_name", "role", "is_staff", "is_active", "last_login"]
    list_filter = ["role", "is_staff", "is_active"]
    search_fields = ["username", "display_name", "email"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        (_("Veikart"), {"fields": ["role", "display_name"]}),
    ]

    # Deleting here goes through the same service as "delete my account": inputs stay without
    # author and supports stay as anonymous counts, instead of the database's cascade.
    def delete_model(self, request, obj):
        user_erase(actor=request.user, user=obj)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            user_erase(actor=request.user, user=user)
