"""A template's placeholders: only the vocabulary of its kind is filled, anything else that looks
like template syntax is refused with a message that names it, and nothing else is interpreted."""

from documents import placeholders
from documents.kinds import LetterKind


def test_a_known_placeholder_is_filled_and_spaces_inside_the_braces_do_not_matter():
    body = "Dear {{letter.addressee}}, about {{ child.first_name }} and {{  plan.outcomes  }}."
    assert placeholders.problems(body, LetterKind.FAMILY_PLAN) == []
    filled = placeholders.fill(
        body, {"letter.addressee": "Ms Smith", "child.first_name": "Jay", "plan.outcomes": "1. Food"}
    )
    assert filled == "Dear Ms Smith, about Jay and 1. Food."


def test_an_unknown_placeholder_is_named_in_the_message():
    found = placeholders.problems("Hello {{ child.nickname }}", LetterKind.MY_PLAN)
    assert found == ["{{ child.nickname }} is not a placeholder we know. Use one of those listed under the letter"]


def test_a_plan_placeholder_in_a_conference_letter_is_refused_with_the_reason():
    found = placeholders.problems("{{ plan.outcomes }}", LetterKind.INVITATION)
    assert found == ["{{ plan.outcomes }} cannot be used in a letter of this kind: it is not about a plan"]
    assert placeholders.problems("{{ conference.date }}", LetterKind.INVITATION) == []


def test_tags_filters_and_attribute_chains_are_refused_not_run():
    for body in (
        "{% load static %}",
        "{% include 'base.html' %}",
        "{{ child.first_name|upper }}",
        "{{ child.first_name.upper }}",
        "{{ settings }}",
        "{{ child }}",
        "Unclosed {{ child.first_name",
    ):
        assert placeholders.problems(body, LetterKind.MY_PLAN), body


def test_filling_interprets_nothing_but_placeholders():
    values = {"child.first_name": "{{ plan.outcomes }} {% now 'Y' %}"}
    # A value that looks like a placeholder is printed as it is, never filled again.
    assert placeholders.fill("Hi {{ child.first_name }}", values) == "Hi {{ plan.outcomes }} {% now 'Y' %}"
