"""The assessment's sections (the Assessment Framework): saved as the worker goes, completed only
with what each needs, audited; authorisation needs the manager's rationale."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from assessments import sections, services
from assessments.framework import DEVELOPMENTAL_NEEDS, DOMAINS, FAMILY_AND_ENVIRONMENT, PARENTING_CAPACITY, SECTIONS
from assessments.models import Assessment
from assessments.testing import complete_every_section
from casework.chronology import describe
from casework.models import ChronologyEvent
from children_in_need.testing import TODAY, decide_referral, make_assessment, make_referral, submit_assessment

pytestmark = pytest.mark.usefixtures("today")


@pytest.fixture
def assessment(worker, child):
    decide_referral(worker, make_referral(worker, child))
    return make_assessment(worker, child)


def save(worker, assessment, section, **content):
    return services.assessment_section_save(actor=worker, assessment=assessment, section=section, **content)


def test_the_triangle_has_the_framework_domains():
    assert [d.label for d in DEVELOPMENTAL_NEEDS.domains] == [
        "Health",
        "Education",
        "Emotional and behavioural development",
        "Identity",
        "Family and social relationships",
        "Social presentation",
        "Self-care skills",
    ]
    assert len(PARENTING_CAPACITY.domains) == 6 and len(FAMILY_AND_ENVIRONMENT.domains) == 7
    assert len(DOMAINS) == 20  # no code used twice
    assert [s.title for s in SECTIONS][3:] == [
        "The child's voice",
        "Parents' and carers' views",
        "Other agencies' information",
        "Analysis, recommendation and outcome",
    ]


def test_a_section_goes_from_not_started_to_in_progress_to_completed_and_back(worker, assessment):
    assert sections.status(assessment, "parents-views") == "Not started"
    assessment = save(worker, assessment, "parents-views", parents_views="Dad: ‘we are managing’.")
    assert sections.status(assessment, "parents-views") == "In progress"
    assessment = save(worker, assessment, "parents-views", parents_views="Dad: ‘we are managing’.", completed=True)
    assert sections.status(Assessment.objects.get(), "parents-views") == "Completed"
    assessment = save(worker, assessment, "parents-views", parents_views="Dad: ‘we are managing’.", completed=False)
    assert sections.status(Assessment.objects.get(), "parents-views") == "In progress"


def test_a_domain_is_complete_with_a_finding_or_a_reason_it_was_not_assessed(worker, assessment):
    content = {f"{d.code}__worries": "Worried." for d in FAMILY_AND_ENVIRONMENT.domains}
    content["employment__worries"] = ""
    with pytest.raises(ValidationError) as error:
        save(worker, assessment, "family-and-environment", completed=True, **content)
    assert error.value.message_dict == {
        "employment__going_well": [
            "Employment: enter what is going well or what we are worried about, or why it was not assessed"
        ]
    }
    assert Assessment.objects.get().domains == {}  # nothing half-saved
    content["employment__not_assessed"] = "Not relevant: Mum is at home with the baby."
    save(worker, assessment, "family-and-environment", completed=True, **content)
    saved = Assessment.objects.get()
    assert saved.domains["employment"] == {
        "going_well": "",
        "worries": "",
        "not_assessed": content["employment__not_assessed"],
    }
    assert saved.domains["housing"]["worries"] == "Worried."


def test_saving_a_side_keeps_the_other_sides(worker, assessment):
    save(worker, assessment, "developmental-needs", health__going_well="Growing well.")
    save(worker, assessment, "parenting-capacity", basic_care__worries="Often hungry at school.")
    assert set(Assessment.objects.get().domains) == {"health", "basic_care"}


def test_the_childs_voice_needs_seen_alone_or_why_not(worker, assessment):
    voice = {
        "child_seen_on": TODAY,
        "wishes_and_feelings": "‘I want Dad to stop drinking.’",
        "how_gathered": "Alone, at school.",
    }
    with pytest.raises(ValidationError) as error:
        save(worker, assessment, "childs-voice", completed=True, seen_alone=False, **voice)
    assert error.value.message_dict == {"not_seen_alone_reason": ["Enter why the child was not seen alone"]}
    save(
        worker,
        assessment,
        "childs-voice",
        completed=True,
        seen_alone=False,
        not_seen_alone_reason="Too young to be left.",
        **voice,
    )
    # Seen alone after all: the reason for not seeing them alone goes.
    save(worker, assessment, "childs-voice", completed=True, seen_alone=True, not_seen_alone_reason="Stale", **voice)
    saved = Assessment.objects.get()
    assert saved.seen_alone is True and saved.not_seen_alone_reason == ""


def test_the_child_is_not_seen_before_the_referral_or_in_the_future(worker, assessment):
    for day, message in [
        (TODAY - datetime.timedelta(days=1), "before the referral on 2 June 2025"),
        (TODAY + datetime.timedelta(days=1), "today or in the past"),
    ]:
        with pytest.raises(ValidationError) as error:
            save(worker, assessment, "childs-voice", child_seen_on=day)
        assert message in error.value.message_dict["child_seen_on"][0]
    assert Assessment.objects.get().child_seen_on is None


def test_an_agencys_information_needs_who_what_and_when(worker, assessment):
    with pytest.raises(ValidationError) as error:
        save(worker, assessment, "other-agencies", agency="Police")
    assert set(error.value.message_dict) == {"said", "said_on"}
    with pytest.raises(ValidationError) as error:
        save(worker, assessment, "other-agencies", completed=True)
    assert error.value.message_dict == {"agency": ["Add at least one agency's information"]}
    save(
        worker,
        assessment,
        "other-agencies",
        agency="Police",
        said="Two call-outs in May.",
        said_on=TODAY,
        completed=True,
    )
    assessment = Assessment.objects.get()
    assert assessment.agency_information == [{"agency": "Police", "said": "Two call-outs in May.", "on": "2025-06-02"}]
    services.assessment_agency_remove(actor=worker, assessment=assessment, index=0)
    saved = Assessment.objects.get()
    assert saved.agency_information == [] and sections.status(saved, "other-agencies") == "Not started"


def test_no_such_section(worker, assessment):
    with pytest.raises(ValidationError, match="no such section"):
        save(worker, assessment, "summary", completed=True)


def test_every_save_is_audited(worker, assessment):
    save(worker, assessment, "parents-views", parents_views="First view.")
    save(worker, assessment, "parents-views", parents_views="Second view.")
    history = [
        e.parents_views for e in Assessment.pgh_event_model.objects.filter(pgh_obj=assessment).order_by("pgh_id")
    ]
    assert history[-2:] == ["First view.", "Second view."]


def test_authorising_needs_the_managers_rationale(worker, manager, child, assessment):
    assessment = submit_assessment(worker, assessment)
    with pytest.raises(ValidationError) as error:
        services.assessment_authorise(actor=manager, assessment=assessment, rationale="  ")
    assert error.value.message_dict == {"rationale": ["Enter your rationale for authorising the assessment"]}
    assert Assessment.objects.get().status == "submitted"
    services.assessment_authorise(actor=manager, assessment=assessment, rationale="Risks are managed by the plan.")
    saved = Assessment.objects.get()
    assert saved.status == "authorised" and saved.authorisation_rationale == "Risks are managed by the plan."
    event = ChronologyEvent.objects.get(child=child, event_type="assessment.authorised")
    assert describe(event).endswith("Rationale: Risks are managed by the plan.")


def test_a_returned_assessment_can_be_changed_and_submitted_again(worker, manager, assessment):
    assessment = submit_assessment(worker, assessment)
    services.assessment_return(actor=manager, assessment=assessment, comments="Add the father's view.")
    save(
        worker,
        Assessment.objects.get(),
        "parents-views",
        parents_views="Father: ‘I will go to the course.’",
        completed=True,
    )
    services.assessment_submit(actor=worker, assessment=Assessment.objects.get())
    assert Assessment.objects.get().status == "submitted"


def test_the_example_completes_every_section(worker, assessment):
    assert sections.incomplete(complete_every_section(worker, assessment)) == []
