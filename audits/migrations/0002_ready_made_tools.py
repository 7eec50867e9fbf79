"""The two ready-made audit tools (PRACTICE.md section 3): help and protection (children in need
and child protection), and children in care and care leavers. Each domain has its guidance, its
questions and a descriptor for each grade of the four-point scale, written for this project in
plain words. An authority may add or change tools in the admin; these are only the start."""

from django.db import migrations


def _descriptors(outstanding, good, ri, inadequate):
    return {"1": outstanding, "2": good, "3": ri, "4": inadequate}


COMMON = [
    ("voice", "Voice of the child",
     "Is the child seen, and seen alone where they can be? Are their wishes, feelings and lived experience written "
     "in their own words and do they shape the plan?",
     ["Was the child seen alone at the last visits, and is that recorded?",
      "Are the child's own words recorded, and how do they change what is done?"],
     _descriptors(
         "The child's voice runs through the record in their own words and visibly shapes every decision.",
         "The child is seen regularly, alone where right, and their views are recorded and considered in the plan.",
         "The child is seen, but their views are recorded thinly or do not show in the decisions made.",
         "The child is not seen, or not seen alone when they should be; their experience is missing from the record.")),
    ("risk", "Analysis of risk and need",
     "Does the record analyse what is happening for the child, weighing risks against strengths, rather than "
     "describing it? Is the history used?",
     ["Does the latest assessment analyse risk and strengths, using the history?",
      "Are new concerns responded to and the analysis updated?"],
     _descriptors(
         "Sharp, current analysis uses the history and research, and leads clearly to what is done.",
         "Risks and strengths are analysed and kept up to date; decisions follow from the analysis.",
         "The record describes more than it analyses, or the analysis is out of date.",
         "Risk is not understood or not responded to; children may be left in harm.")),
    ("plan", "The plan is SMART",
     "Is there a plan in date that says what must change, who does what, by when, and what happens if it does not?",
     ["Is the plan in date and reviewed on time?",
      "Are its actions specific, owned and timed, with a contingency?"],
     _descriptors(
         "The plan is specific, owned by each person, reviewed on time and visibly improving the child's life.",
         "The plan is in date and SMART; most actions are done on time.",
         "The plan exists but is vague, out of date or its actions drift.",
         "There is no plan, or it does not address the risks to the child.")),
    ("oversight", "Management oversight and supervision",
     "Is there recorded management oversight at key points and regular case supervision that gives direction and "
     "checks it is followed?",
     ["Is case supervision recorded within the local standard, with clear direction?",
      "Did a manager record oversight at the key decisions?"],
     _descriptors(
         "Reflective supervision and oversight drive the work and are followed through.",
         "Regular supervision and oversight give clear direction that is followed.",
         "Oversight is recorded but irregular, or its direction is not followed up.",
         "There is little or no management oversight; drift is not challenged.")),
    ("timeliness", "Timeliness and progress",
     "Has the child's situation improved without delay? Were assessments, visits, reviews and decisions on time?",
     ["Were the statutory timescales met (visits, reviews, plans)?",
      "Is there drift or delay for the child, and was it noticed?"],
     _descriptors(
         "Work is timely throughout and the child's circumstances have clearly improved.",
         "Timescales are met and the child is making progress.",
         "Some work is late or progress is slow, and drift is not always challenged.",
         "Significant delay has left the child without help or protection.")),
]

HELP_AND_PROTECTION = [
    ("partners", "Working with the family and partners",
     "Are the family and the professionals around the child working together, with core groups or network "
     "meetings held and information shared?",
     ["Are core groups or network meetings held on time with the right agencies?",
      "Do parents understand the plan and what must change?"],
     _descriptors(
         "The family and partners work together as one team around the child; everyone knows their part.",
         "Meetings are held on time, partners contribute and the family understands the plan.",
         "Partners are involved unevenly or the family is unclear about what must change.",
         "Partners are absent or not communicating, leaving risks unshared.")),
]

IN_CARE = [
    ("permanence", "Permanence and stability",
     "Is there a plan for permanence by the second review, and is the child's placement meeting their needs "
     "with stability?",
     ["Is there a permanence plan, and is it progressing without delay?",
      "Is the placement stable and meeting the child's needs?"],
     _descriptors(
         "Permanence was secured without delay; the child is settled and thriving.",
         "A permanence plan is in place and progressing; the placement meets the child's needs.",
         "Permanence planning is slow or the placement is not fully meeting the child's needs.",
         "There is no plan for permanence, or the child has moved repeatedly without plan.")),
    ("health_education", "Health, education and leaving care",
     "Are health assessments, the personal education plan and, for older children, the pathway plan in date "
     "and making a difference?",
     ["Are the health assessment and PEP (or pathway plan) in date?",
      "Are the child's education and health needs met, and their transition to adulthood planned?"],
     _descriptors(
         "Health, education and preparation for adulthood are excellent and championed by the service.",
         "Plans are in date and the child's health and education needs are met.",
         "Some plans are late or needs are only partly met.",
         "Health or education needs are unmet or unknown.")),
]

TOOLS = [
    ("help_and_protection", "Help and protection (children in need and child protection)",
     "Full case audit for children in need and children on a child protection plan.", COMMON[:3] + HELP_AND_PROTECTION
     + COMMON[3:]),
    ("children_in_care", "Children in care and care leavers",
     "Full case audit for children in care, children placed with parents and care leavers.", COMMON[:3] + IN_CARE
     + COMMON[3:]),
]


def load(apps, schema_editor):
    AuditTool = apps.get_model("audits", "AuditTool")
    AuditDomain = apps.get_model("audits", "AuditDomain")
    AuditQuestion = apps.get_model("audits", "AuditQuestion")
    for code, name, description, domains in TOOLS:
        tool, created = AuditTool.objects.get_or_create(code=code, defaults={"name": name, "description": description})
        if not created:
            continue
        for order, (domain_code, domain_name, guidance, questions, descriptors) in enumerate(domains, start=1):
            domain = AuditDomain.objects.create(tool=tool, order=order, code=domain_code, name=domain_name,
                                                guidance=guidance, descriptors=descriptors)
            for number, text in enumerate(questions, start=1):
                AuditQuestion.objects.create(domain=domain, order=number, text=text)


class Migration(migrations.Migration):
    dependencies = [("audits", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
