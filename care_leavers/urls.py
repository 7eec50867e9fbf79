from django.urls import path

from care_leavers import views

app_name = "care_leavers"

# Pages of a young person's record: /people/<id>/leaving-care/...
urlpatterns = [
    path("<int:person_id>/leaving-care/", views.record, name="record"),
    path("<int:person_id>/leaving-care/start/", views.start, name="start"),
    path("<int:person_id>/leaving-care/category/", views.category, name="category"),
    path("<int:person_id>/leaving-care/adviser/", views.adviser, name="adviser"),
    path("<int:person_id>/leaving-care/needs-assessment/", views.needs_assessment_new, name="needs_assessment_new"),
    path("<int:person_id>/leaving-care/pathway-plans/new/", views.pathway_plan_new, name="pathway_plan_new"),
    path(
        "<int:person_id>/leaving-care/pathway-plans/<int:plan_id>/reviews/new/",
        views.pathway_plan_review_new,
        name="pathway_plan_review_new",
    ),
    path("<int:person_id>/leaving-care/keeping-in-touch/", views.contact_new, name="contact_new"),
    path("<int:person_id>/leaving-care/end/", views.end, name="end"),
]
