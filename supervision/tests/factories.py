import datetime

from supervision import services


def supervise(manager, worker, held_on, **overrides):
    values = {
        "held_on": held_on,
        "attendees": "",
        "wellbeing": "Feeling settled; some late nights.",
        "workload": "Eleven children; two in proceedings.",
        "learning": "Book the court skills course.",
        "reflection": "Talked through a difficult home visit and what helped.",
    }
    return services.supervision_record(actor=manager, supervisee=worker, **(values | overrides))


def discuss(manager, session, child, actions=(), **overrides):
    values = {
        "situation": "Living with mother; school attendance 82%.",
        "analysis": "Neglect risk reducing slowly.",
        "direction": "Continue the CIN plan; review in 6 weeks.",
        "rationale": "Mother engaging with the family worker.",
    }
    return services.case_discussion_record(
        actor=manager, session=session, child=child, actions=list(actions), **(values | overrides)
    )


def action(text, owner="supervisee", due_on=None):
    return {"action": text, "owner": owner, "due_on": due_on}


def days(n):
    return datetime.timedelta(days=n)
