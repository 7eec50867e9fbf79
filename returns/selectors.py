"""Reads for the returns page: the exports a user may see, fetched and authorised together."""

from django.http import Http404

from returns.models import ReturnExport
from returns.services import can_export


def exports_visible_to(user):
    """Every export, newest first, for the roles that run returns; none for anyone else."""
    if not can_export(user):
        return ReturnExport.objects.none()
    return ReturnExport.objects.select_related("requested_by").order_by("-requested_at", "-id")


def export_get_for_user(user, pk: int) -> ReturnExport:
    export = exports_visible_to(user).filter(pk=pk).first()
    if export is None:
        raise Http404
    return export
