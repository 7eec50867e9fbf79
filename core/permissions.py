"""Role checks for whole pages. Record-level checks live in each app's selectors."""

from functools import wraps

from django.core.exceptions import PermissionDenied


def require_roles(*roles):
    """Only these roles may open the page; anyone else gets the design-system 403."""
    allowed = frozenset(roles)

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.user.role not in allowed:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
