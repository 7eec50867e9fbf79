from django.urls import path

from performance import views_oversight

app_name = "performance_oversight"

# /performance/oversight/...
urlpatterns = [
    path("", views_oversight.figures, name="figures"),
    path("workers/", views_oversight.workers, name="workers"),
    path("supervision-actions/", views_oversight.supervision_actions, name="supervision_actions"),
    path("children/<slug:name>/", views_oversight.child_list, name="children"),
]
