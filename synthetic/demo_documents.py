"""The demo's letters and attachments, made through the services with the clock at the day each
was made:

- Tyler Williams' child protection plan (Yusuf Ali's case): "The plan for the family", sent to his
  mother, and "My plan" written for Tyler, a week after the core group (synthetic.demo_plans).
- A school report attached to Tyler's latest visit.

Idempotent: it does nothing when a letter is already on the record.
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from casework.models import Visit
from child_protection.models import ChildProtectionPlan
from core import clock
from core.pdf import document
from documents import services, subjects
from documents.models import Letter, LetterTemplate


def _at(day: datetime.date, hour: int = 11) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _school_report(made: datetime.datetime) -> SimpleUploadedFile:
    """A one-page PDF, as a school would send: drawn here so the demo needs no file on disk."""
    pdf = document(title="Attendance report", author="Riverside Primary School", created=made, landscape=False)
    pdf.add_page()
    pdf.set_font("helvetica", "B", 14)
    pdf.multi_cell(0, 8, "Riverside Primary School: attendance report", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 11)
    pdf.multi_cell(
        0,
        6,
        "Tyler Williams, Year 4. Attendance this half term: 93%, up from 81%. Late twice. "
        "Tyler has had breakfast club every day this month.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    return SimpleUploadedFile("Riverside attendance report.pdf", bytes(pdf.output()), content_type="application/pdf")


def load_demo_documents(staff: dict) -> bool:
    if Letter.objects.exists():
        return False
    plan = (
        ChildProtectionPlan.objects.filter(
            child__given_name="Tyler", child__family_name="Williams", end_date__isnull=True
        )
        .select_related("child")
        .first()
    )
    if plan is None:
        return False
    child, ali = plan.child, staff["sw.ali"]
    made_on = clock.today() - datetime.timedelta(days=53)
    with clock.travel_to(_at(made_on)):
        services.letter_make(
            actor=ali,
            child=child,
            template=LetterTemplate.objects.get(kind="family_plan"),
            about=subjects.key_for(plan),
            addressee="Ms Williams\n14 Larch Close\nNorthtown\nNT4 2QP",
        )
    with clock.travel_to(_at(made_on, 12)):
        services.letter_make(
            actor=ali,
            child=child,
            template=LetterTemplate.objects.get(kind="my_plan"),
            about=subjects.key_for(plan),
            addressee="Tyler Williams",
        )
    visit = Visit.objects.filter(child=child).order_by("-visited_at").first()
    if visit is not None:
        with clock.travel_to(visit.visited_at + datetime.timedelta(hours=2)):
            services.attachment_add(
                actor=ali,
                child=child,
                item=subjects.find(child, subjects.key_for(visit)),
                upload=_school_report(clock.now()),
                description="School attendance report",
            )
    return True
