"""The kinds of letter a council writes from a template, and what each is about: a conference (its
invitation and its outcome) or a plan (the letter before proceedings, the plan for the family, the
child's own "my plan"). What a kind is about decides which placeholders its templates may use."""

from django.db import models


class LetterKind(models.TextChoices):
    INVITATION = "invitation", "Invitation to a conference"
    CONFERENCE_OUTCOME = "conference_outcome", "Conference outcome"
    BEFORE_PROCEEDINGS = "before_proceedings", "Letter before proceedings"
    FAMILY_PLAN = "family_plan", "The plan for the family"
    MY_PLAN = "my_plan", "My plan (for the child)"


PLAN, CONFERENCE = "plan", "conference"

ABOUT = {
    LetterKind.INVITATION: CONFERENCE,
    LetterKind.CONFERENCE_OUTCOME: CONFERENCE,
    LetterKind.BEFORE_PROCEEDINGS: PLAN,
    LetterKind.FAMILY_PLAN: PLAN,
    LetterKind.MY_PLAN: PLAN,
}


def about(kind: str) -> str:
    """ "plan" or "conference": what a letter of this kind must name."""
    return ABOUT[LetterKind(kind)]
