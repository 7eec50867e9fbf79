import datetime

from allegations import services


def make_allegation(actor, received_on=datetime.date(2025, 5, 23), referred_on=None, **overrides):
    values = {
        "received_on": received_on,
        "referred_on": referred_on or received_on,
        "referrer_name": "Head teacher",
        "referrer_organisation": "Northtown Primary School",
        "subject_name": "Chris Taylor",
        "subject_role": "Teaching assistant",
        "subject_employer": "Northtown Primary School",
        "subject_sector": "education",
        "criteria": ["harmed"],
        "category": "physical",
        "details": "Grabbed a pupil by the arm, leaving marks.",
    }
    return services.allegation_record(actor=actor, **(values | overrides))
