from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from veikart.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "display_name", "role", "is_staff", "is_active", "last_login"]
    list_filter = ["role", "is_staff", "is_active"]
    search_fields = ["username", "display_name", "email"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        (_("Veikart"), {"fields": ["role", "display_name"]}),
    ]
