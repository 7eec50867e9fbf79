from django.urls import path

from front_door import views

app_name = "front_door"

# Pages of a child's record: /people/<id>/contacts/new/ and so on.
urlpatterns = [
    path("<int:person_id>/contacts/new/", views.contact_new, name="contact_new"),
    path("<int:person_id>/contacts/<int:contact_id>/decide/", views.contact_decide, name="contact_decide"),
    path("<int:person_id>/referrals/new/", views.referral_new, name="referral_new"),
    path("<int:person_id>/referrals/<int:referral_id>/decide/", views.referral_decide, name="referral_decide"),
]
