from django.urls import path

from looked_after.views import trackers

app_name = "looked_after_trackers"

# /looked-after/...: authority-wide trackers across the children the user may see.
urlpatterns = [
    path("placed-with-parents/", trackers.placed_with_parents, name="placed_with_parents"),
]
