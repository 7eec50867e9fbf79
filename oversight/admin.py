from django.contrib import admin

from oversight.models import OversightStart


@admin.register(OversightStart)
class OversightStartAdmin(admin.ModelAdmin):
    """Administrators set the day key events start to need a manager's oversight."""

    list_display = ["starts_on", "changed_at"]
    readonly_fields = ["changed_at"]
    view_on_site = False

    def has_add_permission(self, request):
        return not OversightStart.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
