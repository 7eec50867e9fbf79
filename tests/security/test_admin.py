"""The Django admin holds no case content for the administrators who can open it: no child's
name or LA ID on the index, any app's page, any model's list (the pghistory event admins
included), or the first row's change page of each."""

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from tests.security.routes import all_routes
from workforce.roles import Role

pytestmark = pytest.mark.django_db


def _admin_urls():
    urls = [reverse("admin:index")]
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        urls.append(reverse("admin:app_list", kwargs={"app_label": meta.app_label}))
        try:
            urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
            first = model._default_manager.order_by("pk").values_list("pk", flat=True).first()
            if first is not None:
                urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[first]))
        except NoReverseMatch:
            continue
    return sorted(set(urls))


def test_the_admin_is_swept(world):
    # The admin's routes are generic per model; they are swept here by walking the registry.
    assert any(r.is_admin for r in all_routes())
    assert len(_admin_urls()) > 5


def test_no_admin_page_an_administrator_opens_names_a_child(sweep, world):
    for url in _admin_urls():
        response = sweep.get(Role.SYSTEM_ADMIN, url)
        sweep.check_no_server_error("admin", Role.SYSTEM_ADMIN, url, response)
        if response.status_code == 200:
            shown = sweep.names_shown(response, world.children)
            if shown:
                sweep.violation(
                    "admin",
                    Role.SYSTEM_ADMIN,
                    url,
                    f"names {', '.join(shown[:3])}" + (f" and {len(shown) - 3} more" if len(shown) > 3 else ""),
                )
    sweep.assert_none("admin pages show a child's case content to an administrator")
