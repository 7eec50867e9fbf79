"""Code lists for care leavers. In touch, activity and accommodation are the SSDA903 OC3 codes
(codelists.ssda903.InTouch, Activity, Accommodation); the eligibility categories are not an
SSDA903 column, so they are here, in the words of the Children (Leaving Care) Act 2000 as the
Standard Safeguarding Dataset and Annex A list 9 use them."""

from django.db import models


class Eligibility(models.TextChoices):
    ELIGIBLE = "eligible", "Eligible child (16 or 17, still looked after)"
    RELEVANT = "relevant", "Relevant child (16 or 17, left care)"
    FORMER_RELEVANT = "former_relevant", "Former relevant child (18 or over)"
    QUALIFYING = "qualifying", "Qualifying care leaver"


# The ages (in completed years, on the date the category applies from) each category allows.
AGES = {
    Eligibility.ELIGIBLE: (16, 17),
    Eligibility.RELEVANT: (16, 17),
    Eligibility.FORMER_RELEVANT: (18, 24),
    Eligibility.QUALIFYING: (16, 24),
}

# Annex A list 9 "Eligibility Category".
ANNEX_A_ELIGIBILITY = {
    Eligibility.RELEVANT: "a) Relevant",
    Eligibility.FORMER_RELEVANT: "b) Former relevant",
    Eligibility.QUALIFYING: "c) Qualifying",
    Eligibility.ELIGIBLE: "d) Eligible",
}

# Categories entitled to a needs assessment, a pathway plan and a personal adviser (CPPCR reg 42
# to 44; Children Act 1989 s23C). A qualifying care leaver is advised and assisted, but has no
# pathway plan in law, so none is due.
PATHWAY_PLAN_CATEGORIES = frozenset({Eligibility.ELIGIBLE, Eligibility.RELEVANT, Eligibility.FORMER_RELEVANT})


class CareLeaverEnd(models.TextChoices):
    SUPPORT_ENDED = "support_ended", "Reached the age support ends"
    DECLINED = "declined", "Young person no longer wants support"
    TRANSFERRED = "transferred", "Support transferred to another local authority"
    DIED = "died", "Died"
    OTHER = "other", "Other reason"


class ReviewRequestedBy(models.TextChoices):
    SCHEDULED = "scheduled", "Due under the plan"
    YOUNG_PERSON = "young_person", "The young person asked for it"
    ADVISER = "adviser", "The personal adviser asked for it"
    LOOKED_AFTER_REVIEW = "looked_after_review", "Alongside the looked-after review"
