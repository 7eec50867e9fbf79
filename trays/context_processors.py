from django.conf import settings

from trays import navigation


def shell(request):
    """What the page shell needs: the council's name and this user's navigation."""
    user = getattr(request, "user", None)
    return {
        "council_name": settings.COUNCIL_NAME,
        "service_name": settings.SERVICE_NAME,
        "navigation": navigation.items_for(user, request.path) if user is not None else [],
    }
