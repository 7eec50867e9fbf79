from django.urls import path

from child_protection import booking_views, views

app_name = "child_protection"

urlpatterns = [
    path("<int:person_id>/strategy-discussions/new/", views.strategy_discussion_new, name="strategy_discussion_new"),
    path(
        "<int:person_id>/strategy-discussions/<int:discussion_id>/section-47/",
        views.section47_new,
        name="section47_new",
    ),
    path("<int:person_id>/section-47/<int:enquiry_id>/conclude/", views.section47_conclude, name="section47_conclude"),
    path(
        "<int:person_id>/section-47/<int:enquiry_id>/conference/",
        views.initial_conference_new,
        name="initial_conference_new",
    ),
    path(
        "<int:person_id>/conferences/transfer-in/", views.transfer_in_conference_new, name="transfer_in_conference_new"
    ),
    path("<int:person_id>/cp-plans/<int:plan_id>/review/", views.review_conference_new, name="review_conference_new"),
    path("<int:person_id>/cp-plans/<int:plan_id>/core-groups/new/", views.core_group_new, name="core_group_new"),
    path("<int:person_id>/cp-plans/<int:plan_id>/end/", views.plan_end, name="plan_end"),
    path(
        "<int:person_id>/section-47/<int:enquiry_id>/book-conference/", booking_views.book_initial, name="book_initial"
    ),
    path("<int:person_id>/cp-plans/<int:plan_id>/book-review/", booking_views.book_review, name="book_review"),
    path("<int:person_id>/conferences/<int:booking_id>/", booking_views.booking_detail, name="booking"),
    path("<int:person_id>/conferences/<int:booking_id>/held/", booking_views.booking_hold, name="booking_hold"),
    path("<int:person_id>/conferences/<int:booking_id>/cancel/", booking_views.booking_cancel, name="booking_cancel"),
    path(
        "<int:person_id>/conferences/<int:booking_id>/minutes/", booking_views.booking_minutes, name="booking_minutes"
    ),
]
