"""Health (the SSDA903 OC2 items) and education: one page for each kind of record."""

from django.views.decorators.http import require_http_methods

from looked_after import forms, services
from looked_after.views.common import child_for_recording, step

CAPTION = "Health and education"


def _page(form_class, service, heading: str, button: str, success: str):
    """A view that records one health or education item for the child."""

    @require_http_methods(["GET", "POST"])
    def view(request, person_id):
        child = child_for_recording(request, person_id)
        form = form_class(request.POST or None)
        return step(
            request,
            child,
            form,
            heading=heading,
            button=button,
            success=success,
            caption=CAPTION,
            run=lambda data: service(actor=request.user, child=child, **data),
        )

    return view


health_check_new = _page(
    forms.HealthCheckForm,
    services.health_check_record,
    "Record a health assessment or dental check",
    "Save",
    "Health record saved",
)
immunisation_new = _page(
    forms.ImmunisationForm,
    services.immunisation_record,
    "Record the child's immunisations",
    "Save",
    "Immunisations recorded",
)
sdq_new = _page(
    forms.SDQForm, services.sdq_record, "Record a strengths and difficulties questionnaire", "Save SDQ", "SDQ recorded"
)
substance_misuse_new = _page(
    forms.SubstanceMisuseForm,
    services.substance_misuse_record,
    "Record substance misuse",
    "Save",
    "Substance misuse recorded",
)
conviction_new = _page(
    forms.ConvictionForm,
    services.conviction_record,
    "Record a conviction, final warning or reprimand",
    "Save",
    "Conviction recorded",
)
pep_new = _page(
    forms.PEPForm,
    services.pep_record,
    "Record a personal education plan meeting",
    "Save PEP",
    "Personal education plan recorded",
)
school_change = _page(forms.SchoolForm, services.school_change, "Record a new school", "Save school", "School recorded")
