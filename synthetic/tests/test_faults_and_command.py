"""Faults are exactly the ones the manifest names; the demo load is idempotent; the command
refuses bad input with a one-line error and a non-zero exit."""

import datetime
import subprocess
import sys
from pathlib import Path

import pytest
from django.db.models import Count

from assessments.models import Assessment
from core.clock import LONDON
from looked_after.models import LAReview, Placement, ReturnInterview, SDQScore
from people import identifiers
from people.models import Person
from synthetic import demo
from synthetic.generator.faults import FAULTS
from synthetic.generator.fingerprint import fingerprint
from synthetic.testing import small_authority_with_faults  # noqa: F401
from timescales.calendar import add_months

ROOT = Path(__file__).resolve().parents[2]


def _invalid_nhs(p):
    try:
        identifiers.validate_nhs_number(p.nhs_number)
    except Exception:
        return True
    return False


def _review_gap(pid):
    held = list(LAReview.objects.filter(child_id=pid).order_by("held_on").values_list("held_on", flat=True))
    return any(b > add_months(a, 7) for a, b in zip(held, held[1:]))


# Who shows each fault in the whole generated authority: it must be exactly the manifest's children.
DETECT = {
    "assessment_no_factors": lambda: set(
        Assessment.objects.filter(status="authorised", factors=[]).values_list("child__la_id", flat=True)
    ),
    "upn_missing": lambda: set(
        Person.objects.filter(la_id__startswith="G", is_child=True, upn="", upn_unknown_reason="").values_list(
            "la_id", flat=True
        )
    ),
    "nhs_number_invalid": lambda: {
        p.la_id for p in Person.objects.filter(la_id__startswith="G", is_child=True) if _invalid_nhs(p)
    },
    "ethnicity_missing": lambda: set(
        Person.objects.filter(la_id__startswith="G", is_child=True, ethnicity="").values_list("la_id", flat=True)
    ),
    "placement_postcode_missing": lambda: set(
        Placement.objects.filter(postcode="").values_list("child__la_id", flat=True)
    ),
    "review_gap": lambda: {
        p.la_id
        for p in Person.objects.filter(la_id__startswith="G").annotate(n=Count("la_reviews")).filter(n__gte=2)
        if _review_gap(p.pk)
    },
}


def test_every_fault_kind_has_an_id_and_a_description():
    ids = [f.id for f in FAULTS]
    assert len(ids) == len(set(ids)) and all(f.description.endswith(")") or f.description.endswith(".") for f in FAULTS)


def test_the_manifest_names_exactly_the_children_with_each_fault(small_authority_with_faults):
    manifest = small_authority_with_faults.manifest
    assert len(manifest) == len(FAULTS)
    assert len({la_id for _, la_id in manifest}) == len(manifest)  # one fault per child
    for fault_id, detect in DETECT.items():
        assert detect() == {la_id for f, la_id in manifest if f == fault_id}, fault_id
    for fault_id, la_id in manifest:
        if fault_id == "sdq_missing":
            assert not SDQScore.objects.filter(child__la_id=la_id).exists()
        if fault_id == "missing_no_return_interview":
            assert Person.objects.get(la_id=la_id).missing_episodes.filter(return_interview__isnull=True).exists()
    assert ReturnInterview.objects.count() >= 0


def test_loading_the_demo_twice_changes_nothing(db, bank_holidays, clock):
    # The scripted demo records a contact at 8 o'clock today, so run it in the afternoon.
    clock.travel_to(datetime.datetime.combine(clock.today(), datetime.time(14, 0), tzinfo=LONDON))
    assert demo.load_demo() is True
    before = fingerprint(), Person.objects.count()
    assert demo.load_demo() is False
    assert (fingerprint(), Person.objects.count()) == before
    assert Person.objects.filter(la_id__startswith="G").exists()  # the generated population is there too


@pytest.mark.parametrize(
    "args, message",
    [
        (["--size", "huge"], "Unknown size 'huge'"),
        (["--seed", "-3"], "The seed must be zero or a positive whole number"),
    ],
)
def test_the_command_refuses_bad_input_in_one_line(args, message):
    done = subprocess.run(
        [sys.executable, "manage.py", "generate_la", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [
        f"CommandError: {message}: choose one of small, medium, large"
        if "size" in message
        else f"CommandError: {message}"
    ]
