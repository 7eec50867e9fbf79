from django.urls import path

from child_protection import views

app_name = "child_protection"

urlpatterns = [
    path("<int:person_id>/strategy-discussions/new/", views.strategy_discussion_new, name="strategy_discussion_new"),
    path("<int:person_id>/strategy-discussions/<int:discussion_id>/section-47/", views.section47_new, name="section47_new"),
    path("<int:person_id>/section-47/<int:enquiry_id>/conclude/", views.section47_conclude, name="section47_conclude"),
    path("<int:person_id>/section-47/<int:enquiry_id>/conference/", views.initial_conference_new, name="initial_conference_new"),
    path("<int:person_id>/conferences/transfer-in/", views.transfer_in_conference_new, name="transfer_in_conference_new"),
    path("<int:person_id>/cp-plans/<int:plan_id>/review/", views.review_conference_new, name="review_conference_new"),
    path("<int:person_id>/cp-plans/<int:plan_id>/core-groups/new/", views.core_group_new, name="core_group_new"),
    path("<int:person_id>/cp-plans/<int:plan_id>/end/", views.plan_end, name="plan_end"),
]
