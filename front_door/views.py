"""Pages for contacts and referrals. Views parse, authorise and render; front_door.services does
the work and refuses bad input with messages shown beside the fields."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from access.capabilities import Capability
from children_in_need.steps import child_for_recording, found, step
from core.clock import LONDON
from core.dates import long_date
from core.forms import parse_id
from core.permissions import require_roles
from front_door import selectors, services
from front_door.choices import ContactDecision
from front_door.forms import ContactDecisionForm, ContactForm, ReferralDecisionForm, ReferralForm
from timescales.engine import due_from
from workforce.roles import Role

RECEIVED_ALIASES = {"received_at": "received_date"}


def _when(moment) -> str:
    local = moment.astimezone(LONDON)
    return f"{long_date(local.date())}, {local:%H:%M}"


@require_http_methods(["GET", "POST"])
def contact_new(request, person_id):
    child = child_for_recording(request, person_id, Capability.RECORD_FRONT_DOOR)
    form = ContactForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="Record a contact",
        button="Save contact",
        success="Contact recorded",
        aliases=RECEIVED_ALIASES,
        run=lambda data: services.contact_record(actor=request.user, child=child, **data),
    )


@require_http_methods(["GET", "POST"])
def contact_decide(request, person_id, contact_id):
    child = child_for_recording(request, person_id, Capability.RECORD_FRONT_DOOR)
    contact = found(selectors.contact_for_child(child, contact_id))
    form = ContactDecisionForm(request.POST or None)

    def next_url(saved):
        if saved.decision == ContactDecision.REFERRAL:
            return reverse("front_door:referral_new", args=[child.pk]) + f"?contact={saved.pk}"
        return None

    return step(
        request,
        child,
        form,
        heading="Screen the contact",
        button="Save decision",
        success="Screening decision recorded",
        facts=[
            ("Received", _when(contact.received_at)),
            ("From", contact.get_source_display()),
            ("Concerns", contact.concerns),
        ],
        run=lambda data: services.contact_decide(actor=request.user, contact=contact, **data),
        next_url=next_url,
    )


def _from_contact(child, contact_id):
    """Initial values for a referral that follows a contact screened as a referral."""
    contact = selectors.contact_for_child(child, contact_id) if contact_id else None
    if contact is None or contact.decision != ContactDecision.REFERRAL:
        return None, {}
    decided = contact.decided_at.astimezone(LONDON)
    return contact, {
        "received_date": decided.date(),
        "received_time": f"{decided:%H:%M}",
        "source": contact.source,
        "source_detail": contact.source_detail,
        "concerns": contact.concerns,
    }


@require_http_methods(["GET", "POST"])
def referral_new(request, person_id):
    child = child_for_recording(request, person_id, Capability.RECORD_FRONT_DOOR)
    contact, initial = _from_contact(child, parse_id(request.GET.get("contact")))
    form = ReferralForm(request.POST or None, initial=initial)
    return step(
        request,
        child,
        form,
        heading="Record a referral",
        button="Save referral",
        success="Referral recorded and child in need episode opened",
        aliases=RECEIVED_ALIASES,
        facts=[("From the contact received", _when(contact.received_at))] if contact else None,
        run=lambda data: services.referral_create(actor=request.user, child=child, contact=contact, **data),
    )


@require_http_methods(["GET", "POST"])
def referral_decide(request, person_id, referral_id):
    child = child_for_recording(request, person_id, Capability.RECORD_FRONT_DOOR)
    referral = found(selectors.referral_for_child(child, referral_id))
    form = ReferralDecisionForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="Decide the next step for the referral",
        button="Save decision",
        success="Next step recorded",
        facts=[
            ("Received", _when(referral.received_at)),
            ("Source", referral.get_source_display()),
            ("Primary need", referral.episode.get_primary_need_display()),
            ("Reason", referral.concerns),
        ],
        run=lambda data: services.referral_decide(actor=request.user, referral=referral, **data),
    )


@require_GET
@require_roles(Role.MASH_WORKER, Role.TEAM_MANAGER)
def queue(request):
    """The front door: contacts waiting for screening and referrals waiting for a decision."""
    contacts = list(selectors.contacts_awaiting_decision(user=request.user)[:200])
    referrals = list(selectors.referrals_awaiting_decision(user=request.user)[:200])
    for row, rule in [(c, "contact_decision") for c in contacts] + [(r, "referral_decision_1wd") for r in referrals]:
        row.due_by = due_from(rule, row.received_at)
    return render(request, "front_door/queue.html", {"contacts": contacts, "referrals": referrals})
