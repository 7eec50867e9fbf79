"""The private fostering tab of a child's record and the pages that record notifications, the
start and the end of an arrangement. Visits are recorded on the casework visit page. Each
recording page is declared on the area (`people.steps.RecordArea.page`)."""

from django.views.decorators.http import require_GET

from access.capabilities import Capability
from core.dates import long_date
from people.record import render_record
from people.steps import RecordArea
from private_fostering import forms, selectors, services
from timescales.selectors import due_items_for_child

AREA = RecordArea(
    tab="private_fostering",
    caption="Private fostering",
    record_url="private_fostering:record",
    capability=Capability.RECORD_PRIVATE_FOSTERING,
)


def _facts(arrangement):
    return [("Private foster carer", arrangement.carer_name), ("Notified", long_date(arrangement.notified_on))]


def _arrangement_page(**spec):
    return AREA.page(find=selectors.arrangement_for_child, arg="arrangement", facts=_facts, **spec)


@require_GET
def record(request, person_id):
    child = AREA.child(request, person_id)
    items = due_items_for_child(person=child).filter(rule_code__in=selectors.VISIT_RULES).order_by("due_date", "id")
    return render_record(
        request,
        child,
        AREA.tab,
        "private_fostering/record.html",
        {
            "arrangements": selectors.arrangements_for_child(child),
            "due_items": list(items),
            "can_record": AREA.can_record(request.user, child),
        },
    )


notification_new = AREA.page(
    form=forms.NotificationForm,
    heading="Record a private fostering notification",
    success="Notification recorded",
    service=services.private_fostering_notify,
)
start = _arrangement_page(
    form=forms.StartForm,
    heading="Record that the arrangement started",
    success="Arrangement started",
    service=services.private_fostering_start,
)
end = _arrangement_page(
    form=forms.EndForm,
    heading="End the private fostering arrangement",
    success="Arrangement ended",
    service=services.private_fostering_end,
)
