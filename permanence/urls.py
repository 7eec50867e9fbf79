from django.urls import path

from permanence import views

app_name = "permanence"

# Pages of a child's record: /people/<id>/permanence/...
urlpatterns = [
    path("<int:person_id>/permanence/", views.record, name="record"),
    path("<int:person_id>/permanence/meetings/new/", views.meeting_new, name="meeting_new"),
    path("<int:person_id>/permanence/decisions/new/", views.decision_new, name="decision_new"),
    path(
        "<int:person_id>/permanence/decisions/<int:decision_id>/reverse/",
        views.decision_reverse,
        name="decision_reverse",
    ),
    path("<int:person_id>/permanence/decisions/<int:decision_id>/steps/new/", views.step_new, name="step_new"),
    path("<int:person_id>/permanence/decisions/<int:decision_id>/match/", views.match_new, name="match_new"),
    path(
        "<int:person_id>/permanence/decisions/<int:decision_id>/placement/", views.placement_new, name="placement_new"
    ),
    path("<int:person_id>/permanence/decisions/<int:decision_id>/reviews/new/", views.review_new, name="review_new"),
    path("<int:person_id>/permanence/placements/<int:placement_id>/end/", views.placement_end, name="placement_end"),
    path("<int:person_id>/permanence/orders/new/<slug:kind>/", views.order_new, name="order_new"),
    path("<int:person_id>/permanence/orders/<int:order_id>/revoke/", views.order_revoke, name="order_revoke"),
    path("<int:person_id>/permanence/proceedings/new/", views.proceedings_new, name="proceedings_new"),
    path(
        "<int:person_id>/permanence/proceedings/<int:proceedings_id>/extend/",
        views.proceedings_extend,
        name="proceedings_extend",
    ),
    path(
        "<int:person_id>/permanence/proceedings/<int:proceedings_id>/conclude/",
        views.proceedings_conclude,
        name="proceedings_conclude",
    ),
    path("<int:person_id>/permanence/pre-proceedings/new/", views.pre_proceedings_new, name="pre_proceedings_new"),
    path(
        "<int:person_id>/permanence/pre-proceedings/<int:pre_proceedings_id>/letter/",
        views.pre_proceedings_letter,
        name="pre_proceedings_letter",
    ),
    path(
        "<int:person_id>/permanence/pre-proceedings/<int:pre_proceedings_id>/fgdm/",
        views.pre_proceedings_fgdm,
        name="pre_proceedings_fgdm",
    ),
    path(
        "<int:person_id>/permanence/pre-proceedings/<int:pre_proceedings_id>/meetings/new/",
        views.pre_proceedings_meeting,
        name="pre_proceedings_meeting",
    ),
    path(
        "<int:person_id>/permanence/pre-proceedings/<int:pre_proceedings_id>/decision/",
        views.pre_proceedings_decide,
        name="pre_proceedings_decide",
    ),
    path("<int:person_id>/permanence/previous/new/", views.previous_permanence_new, name="previous_new"),
]
