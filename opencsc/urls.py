from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView

from opencsc import views
from trays import views as homes

urlpatterns = [
    path("", homes.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("metrics", views.metrics, name="metrics"),
    path("sign-in/", include("workforce.signin.urls")),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("my-work/", homes.my_work, name="my_work"),
    path("my-team/", homes.my_team, name="my_team"),
    path("reviews/", homes.reviews_home, name="reviews_home"),
    path("performance/", homes.performance_home, name="performance_home"),
    path("administration/", homes.administration_home, name="administration_home"),
    path("administration/", include("workforce.urls")),
    path("lado/", homes.lado_home, name="lado_home"),
    path("my-young-people/", homes.personal_adviser_home, name="personal_adviser_home"),
    path("private-fostering/", homes.private_fostering_home, name="private_fostering_home"),
    path("access/", include("access.urls")),
    path("people/", include("people.urls")),
    path("people/", include("casework.urls")),
    path("people/", include("front_door.urls")),
    path("people/", include("assessments.urls")),
    path("people/", include("child_protection.urls")),
    path("people/", include("plans.urls")),
    path("people/", include("children_in_need.urls")),
    path("people/", include("permanence.urls")),
    path("people/", include("care_leavers.urls")),
    path("people/", include("private_fostering.urls")),
    path("people/", include("allegations.record_urls")),
    path("people/", include("looked_after.urls")),
    path("people/", include("data_quality.record_urls")),
    path("people/", include("supervision.record_urls")),
    path("people/", include("oversight.urls")),
    path("people/", include("decisions.urls")),
    path("people/", include("audits.record_urls")),
    path("", include("documents.urls")),
    path("front-door/", include("front_door.queue_urls")),
    path("assessments/", include("assessments.queue_urls")),
    path("permanence/", include("permanence.tracker_urls")),
    path("lado/", include("allegations.urls")),
    path("looked-after/", include("looked_after.tracker_urls")),
    path("data-quality/", include("data_quality.urls")),
    path("returns/", include("returns.urls")),
    path("returns/dfe-feed/", include("dfe_feed.urls")),
    path("supervision/", include("supervision.urls")),
    path("staff/", include("staff.urls")),
    path("workforce/", include("caseloads.urls")),
    path("oversight/", include("oversight.pages_urls")),
    path("decisions/", include("trays.decisions_urls")),
    path("audits/", include("audits.urls")),
    path("improvement/", include("improvement.urls")),
    path("performance/indicators/", include("performance.urls")),
    path("performance/oversight/", include("performance.oversight_urls")),
    path("performance/dashboards/", include("performance.dashboard_urls")),
    path("performance/board-packs/", include("performance.board_pack_urls")),
    # The admin's "view on site" shortcut would redirect to any object's page, and fails with a
    # 500 for content types without one. Configuration has no page on the site: always 404.
    path("django-admin/r/<path:rest>", views.page_not_found_view),
    # The Django admin's own sign-in page would take a password without the second factor: an
    # administrator signs in on ours (the query string, with its ?next=, goes along).
    path("django-admin/login/", login_not_required(RedirectView.as_view(pattern_name="login", query_string=True))),
    path("django-admin/", admin.site.urls),
]

handler400 = "opencsc.views.bad_request"
handler403 = "opencsc.views.permission_denied"
handler404 = "opencsc.views.page_not_found"
handler500 = "opencsc.views.server_error"
