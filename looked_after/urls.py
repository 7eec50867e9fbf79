from django.urls import path

from looked_after.views import corrections, episodes, health, liberty, missing, record, reviews

app_name = "looked_after"

# Pages of a child's record: /people/<id>/looked-after/...
P = "<int:person_id>/looked-after/"

urlpatterns = [
    path(P, record.record, name="record"),
    path(P + "start/", episodes.period_start, name="period_start"),
    path(P + "placement/", episodes.placement_change, name="placement_change"),
    path(P + "legal-status/", episodes.legal_status_change, name="legal_status_change"),
    path(P + "end/", episodes.period_end, name="period_end"),
    path(P + "episodes/<int:episode_id>/correct/", corrections.episode_correct, name="episode_correct"),
    path(P + "placements/<int:placement_id>/correct/", corrections.placement_correct, name="placement_correct"),
    path(P + "periods/<int:period_id>/correct-end/", corrections.period_end_correct, name="period_end_correct"),
    path(P + "uasc/", episodes.uasc, name="uasc"),
    path(P + "liberty/new/", liberty.dolo_new, name="dolo_new"),
    path(P + "liberty/<int:dolo_id>/end/", liberty.dolo_end, name="dolo_end"),
    path(P + "placed-with-parents/", episodes.pwp_agreement, name="pwp_agreement"),
    path(P + "iro/", reviews.iro_assign, name="iro_assign"),
    path(P + "iro-contact/new/", reviews.iro_contact_new, name="iro_contact_new"),
    path(P + "care-plan/new/", reviews.care_plan_new, name="care_plan_new"),
    path(P + "reviews/new/", reviews.review_new, name="review_new"),
    path(P + "reviews/<int:review_id>/", record.review, name="review"),
    path(P + "reviews/<int:review_id>/actions/new/", reviews.review_action_new, name="review_action_new"),
    path(
        P + "reviews/<int:review_id>/actions/<int:action_id>/done/",
        reviews.review_action_done,
        name="review_action_done",
    ),
    path(P + "health/new/", health.health_check_new, name="health_check_new"),
    path(P + "immunisations/new/", health.immunisation_new, name="immunisation_new"),
    path(P + "sdq/new/", health.sdq_new, name="sdq_new"),
    path(P + "substance-misuse/new/", health.substance_misuse_new, name="substance_misuse_new"),
    path(P + "convictions/new/", health.conviction_new, name="conviction_new"),
    path(P + "pep/new/", health.pep_new, name="pep_new"),
    path(P + "school/", health.school_change, name="school_change"),
    path(P + "missing/", record.missing, name="missing"),
    path(P + "missing/new/", missing.missing_new, name="missing_new"),
    path(P + "missing/<int:episode_id>/return/", missing.missing_return, name="missing_return"),
    path(P + "missing/<int:episode_id>/return-interview/", missing.return_interview_new, name="return_interview_new"),
]
