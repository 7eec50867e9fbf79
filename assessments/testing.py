"""For tests in any area that need an assessment written: every section completed through the
same service the pages use, with plain example content (the demo and the generator write their
own)."""

from __future__ import annotations

from assessments.framework import SIDES
from assessments.sections import field_name


def example_content(assessment) -> dict[str, dict]:
    """Each section's content, as its page would send it."""
    content: dict[str, dict] = {
        side.slug: {field_name(domain.code, "going_well"): f"{domain.label}: no concerns." for domain in side.domains}
        for side in SIDES
    }
    content["childs-voice"] = {
        "child_seen_on": assessment.start_date,
        "seen_alone": True,
        "wishes_and_feelings": "‘I like it at home but I want the shouting to stop.’",
        "how_gathered": "Three houses tool, at school.",
    }
    content["parents-views"] = {"parents_views": "Mother agrees there is a problem and wants help."}
    content["other-agencies"] = {
        "agency": "School",
        "said": "Attendance 92%, no concerns.",
        "said_on": assessment.start_date,
    }
    content["analysis"] = {
        "analysis": "Risks and strengths.",
        "recommendation": "Support under a CIN plan.",
        "factors": ["3A", "4B"],
        "outcome": "cin_plan",
    }
    return content


def complete_every_section(actor, assessment, **overrides):
    """Every section saved and marked as completed; `overrides` replace a field wherever it is."""
    from assessments.services import assessment_section_save

    for slug, content in example_content(assessment).items():
        values = content | {k: v for k, v in overrides.items() if k in content or _belongs(slug, k)}
        assessment = assessment_section_save(actor=actor, assessment=assessment, section=slug, completed=True, **values)
    return assessment


def _belongs(slug: str, key: str) -> bool:
    return (slug, key) in {("analysis", "late_reason"), ("childs-voice", "not_seen_alone_reason")}


def fill_and_submit(actor, assessment, **overrides):
    from assessments.services import assessment_submit

    return assessment_submit(actor=actor, assessment=complete_every_section(actor, assessment, **overrides))
