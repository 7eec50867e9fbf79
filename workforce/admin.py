from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from workforce.models import Team, User
from workforce.services import administrator_access_set

# The admin is for configuration only. Groups hold permissions: whoever edits them could give
# themselves more, so they are managed by migrations (workforce.administrators), not here.
admin.site.unregister(Group)
# An authenticator app is the person's own: a lost phone is reset with `manage.py
# reset_two_factor`, not browsed or edited here (its secret key is in the row).
admin.site.unregister(TOTPDevice)


@admin.register(User)
class StaffAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "team", "is_active"]
    list_filter = ["role", "team", "is_active", "agency_worker"]
    # No superuser flag, groups or permissions: what an account may do follows from its role.
    fieldsets = (
        (None, {"fields": ["username", "password"]}),
        ("Personal details", {"fields": ["first_name", "last_name", "email"]}),
        ("Role and team", {"fields": ["role", "team", "job_title", "agency_worker", "started_on", "asye_started_on"]}),
        ("Sign-in", {"fields": ["is_active", "last_login", "date_joined"]}),
    )
    readonly_fields = ["last_login"]
    add_fieldsets = UserAdmin.add_fieldsets + (
        ("Role and team", {"fields": ["first_name", "last_name", "role", "team", "job_title"]}),
    )
    view_on_site = False

    def get_readonly_fields(self, request, obj=None):
        # An administrator cannot change their own role, team or status: putting themselves in a
        # team would open that team's children's records to them (access.selectors).
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.pk == request.user.pk:
            fields += ["role", "team", "is_active"]
        return fields

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        administrator_access_set(obj)


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "manager", "is_active"]
    list_filter = ["kind", "is_active"]
    view_on_site = False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Nor make themselves a team's manager, which would open the team's records to them.
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "manager":
            field.queryset = field.queryset.exclude(pk=request.user.pk)
        return field
