from django.urls import path

from data_quality import views

app_name = "data_quality_record"

# The data-quality tab of a child's record: /people/<id>/data-quality/.
urlpatterns = [
    path("<int:person_id>/data-quality/", views.for_child, name="record"),
]
