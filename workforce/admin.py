from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from workforce.models import Team, User


@admin.register(User)
class StaffAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "team", "is_active"]
    list_filter = ["role", "team", "is_active", "agency_worker"]
    fieldsets = UserAdmin.fieldsets + (("Role and team", {"fields": ["role", "team", "job_title", "agency_worker"]}),)
    add_fieldsets = UserAdmin.add_fieldsets + (
        ("Role and team", {"fields": ["first_name", "last_name", "role", "team", "job_title"]}),
    )


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "manager", "is_active"]
    list_filter = ["kind", "is_active"]
