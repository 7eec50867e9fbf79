from django.utils.cache import patch_cache_control


class PermissionsPolicyMiddleware:
    """Tells browsers this service never uses the camera, microphone, location or payments."""

    POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.POLICY)
        return response


class NoStoreForSignedInMiddleware:
    """Every page a signed-in user gets may hold case data: no browser or proxy may keep a copy
    (a shared computer's back button or cache must not show a child's record to the next person).
    Static files never reach here (WhiteNoise answers them first), and /healthz holds nothing."""

    EXEMPT_PATHS = frozenset({"/healthz"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and request.path not in self.EXEMPT_PATHS:
            patch_cache_control(response, private=True, no_store=True)
        return response
