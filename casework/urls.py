from django.urls import path

from casework.views import allocation, chronology, notes, visits

app_name = "casework"

# Pages of a child's record that belong to casework: /people/<id>/visits/ and so on.
urlpatterns = [
    path("<int:person_id>/visits/", visits.visits, name="visits"),
    path("<int:person_id>/visits/new/", visits.visit_new, name="visit_new"),
    path("<int:person_id>/visits/<int:visit_id>/", visits.visit, name="visit"),
    path("<int:person_id>/visits/<int:visit_id>/correct/", visits.visit_correct, name="visit_correct"),
    path("<int:person_id>/notes/", notes.notes, name="notes"),
    path("<int:person_id>/notes/new/", notes.note_new, name="note_new"),
    path("<int:person_id>/notes/<int:note_id>/", notes.note, name="note"),
    path("<int:person_id>/documents/<int:document_id>/", notes.document, name="document"),
    path("<int:person_id>/chronology/", chronology.chronology_view, name="chronology"),
    path("<int:person_id>/chronology/print/", chronology.chronology_print, name="chronology_print"),
    path("<int:person_id>/allocation/", allocation.allocation, name="allocation"),
]
