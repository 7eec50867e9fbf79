from django.urls import path

from documents import views

app_name = "documents"

urlpatterns = [
    # On a child's record.
    path("people/<int:person_id>/documents/", views.record, name="record"),
    path("people/<int:person_id>/documents/letters/new/", views.letter_new, name="letter_new"),
    path("people/<int:person_id>/documents/letters/<int:letter_id>/", views.letter, name="letter"),
    path("people/<int:person_id>/documents/letters/<int:letter_id>/pdf/", views.letter_download, name="letter_pdf"),
    path("people/<int:person_id>/documents/attachments/<int:attachment_id>/", views.attachment, name="attachment"),
    path("people/<int:person_id>/documents/attach/<slug:item>/", views.attach, name="attach"),
    # The council's letter templates.
    path("documents/templates/", views.templates, name="templates"),
    path("documents/templates/new/", views.template_edit, name="template_new"),
    path("documents/templates/<int:template_id>/", views.template_edit, name="template_edit"),
]
