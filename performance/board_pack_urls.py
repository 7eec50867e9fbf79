from django.urls import path

from performance import views_board_pack as views

app_name = "board_pack"

# /performance/board-packs/...
urlpatterns = [
    path("", views.packs, name="list"),
    path("<int:pack_id>/", views.detail, name="detail"),
    path("<int:pack_id>/progress/", views.progress, name="progress"),
    path("<int:pack_id>/narratives/", views.narratives, name="narratives"),
    path("<int:pack_id>/board-pack.<slug:fmt>", views.download, name="download"),
]
