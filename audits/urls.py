from django.urls import path

from audits import views

app_name = "audits"

# The pages that are not one child's: /audits/...
urlpatterns = [
    path("", views.home, name="home"),
    path("programmes/new/", views.programme_new, name="programme_new"),
    path("programmes/<int:programme_id>/", views.programme, name="programme"),
    path("programmes/<int:programme_id>/draw/", views.programme_draw, name="programme_draw"),
    path("report/", views.report, name="report"),
    path("report/audits/", views.report_audits, name="report_audits"),
    path("report/actions/", views.report_actions, name="report_actions"),
    path("report/download/", views.report_xlsx, name="report_xlsx"),
    path("report/download/pdf/", views.report_pdf_download, name="report_pdf"),
]
