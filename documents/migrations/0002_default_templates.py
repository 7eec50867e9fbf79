"""The letters every council starts with, in plain English: the council changes their wording on
the letter templates page (documents.views.template_edit). Added only where a template of the same
name does not exist, so a council's own wording is never overwritten."""

from django.db import migrations

INVITATION = """Dear {{ letter.addressee }},

You are invited to a child protection conference about {{ child.full_name }} on {{ conference.date }}.

A child protection conference is a meeting of the family and the professionals who know {{ child.first_name }}. It is led by an independent chair who has not worked with your family. Together we will share what we know, listen to what you think, and decide whether {{ child.first_name }} needs a child protection plan to keep them safe.

Your views matter. You can bring a friend, relative or advocate to support you. If you cannot come, please tell us what you would like the conference to know, by phone or in writing, before the meeting.

If you need an interpreter, help with getting to the meeting, or the papers in another format, please let me know as soon as you can.

Yours sincerely,

{{ worker.name }}
{{ worker.team }}
{{ council.name }}"""

OUTCOME = """Dear {{ letter.addressee }},

Thank you for taking part in the {{ conference.kind }} about {{ child.full_name }} on {{ conference.date }}.

The conference decided: {{ conference.outcome }}.

What the conference said and recommended:
{{ conference.decisions }}

The minutes of the conference will be sent to you. If you do not agree with the decision, you can ask the chair of the conference to look at it again, and I can tell you how to make a complaint.

Please contact me if you have any questions.

Yours sincerely,

{{ worker.name }}
{{ worker.team }}
{{ council.name }}"""

BEFORE_PROCEEDINGS = """Dear {{ letter.addressee }},

This letter is very important. Please read it carefully and take it to a solicitor straight away.

We are very worried about {{ child.full_name }}. We have been working with you under a {{ plan.kind }} since {{ plan.start_date }}, but the changes {{ child.first_name }} needs have not happened, or have not happened quickly enough.

What must change, and by when:
{{ plan.outcomes }}

What you and others agreed to do:
{{ plan.actions }}

If things do not change, we may ask the family court to make decisions about {{ child.first_name }}'s care. We want to avoid this, and we want to work with you to keep {{ child.first_name }} safe at home.

We would like to meet you and your solicitor at a pre-proceedings meeting. You are entitled to free legal advice: show this letter to a solicitor who does family law and they will not charge you for this advice.

Yours sincerely,

{{ worker.name }}
{{ worker.team }}
{{ council.name }}"""

FAMILY_PLAN = """Dear {{ letter.addressee }},

This is {{ child.first_name }}'s {{ plan.kind }}, agreed on {{ plan.start_date }}. It says what needs to change so that {{ child.first_name }} is safe and well, who will do what, and by when.

What needs to change:
{{ plan.outcomes }}

Who will do what:
{{ plan.actions }}

If the plan is not working:
{{ plan.contingency }}

We will look at the plan together at each meeting. If anything in it is wrong, or you are finding it hard to do your part, please tell me: it is better to talk about it early.

Yours sincerely,

{{ worker.name }}
{{ worker.team }}
{{ council.name }}"""

MY_PLAN = """Hello {{ child.first_name }},

This is your plan. It is about the grown-ups helping you to be safe, happy and well.

The things we are working on:
{{ plan.outcomes }}

Who is doing what to help:
{{ plan.actions }}

What we will do if things are not getting better:
{{ plan.contingency }}

You can ask me about your plan at any time. If there is something you do not like, or something you want to change, tell me, or tell a grown-up you trust and they will tell me.

From {{ worker.name }}, your social worker"""

DEFAULTS = [
    ("Invitation to a child protection conference", "invitation",
     "Invitation to a child protection conference about {{ child.full_name }}", INVITATION),
    ("Conference outcome", "conference_outcome", "What the conference decided about {{ child.full_name }}", OUTCOME),
    ("Letter before proceedings", "before_proceedings",
     "Letter before proceedings: {{ child.full_name }}", BEFORE_PROCEEDINGS),
    ("The plan for the family", "family_plan", "{{ child.first_name }}'s plan", FAMILY_PLAN),
    ("My plan (for the child)", "my_plan", "My plan", MY_PLAN),
]


def add_defaults(apps, schema_editor):
    template = apps.get_model("documents", "LetterTemplate")
    for name, kind, title, body in DEFAULTS:
        template.objects.get_or_create(name=name, defaults={"kind": kind, "title": title, "body": body, "active": True})


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
