"""Forms for supervision: they parse what was typed into the services' arguments."""

from django import forms

from core.forms import date_field, parse_id, radios, text
from supervision.services import OWNER_SUPERVISEE, OWNER_SUPERVISOR

OWNER_CHOICES = [(OWNER_SUPERVISEE, "The worker supervised"), (OWNER_SUPERVISOR, "The supervisor")]
ACTION_SLOTS = 3  # actions agreed in one case discussion; more are added at the next one


class SessionForm(forms.Form):
    supervisee = forms.ChoiceField(
        label="Worker supervised", error_messages={"required": "Select the worker supervised"}
    )
    held_on = date_field(
        "Date the supervision was held",
        errors_label="The date the supervision was held",
        hint="The day you met, not today’s date if you are writing it up later. For example, 27 3 2025",
    )
    attendees = forms.CharField(label="Others present (optional)", max_length=500, required=False)
    wellbeing = text("Wellbeing")
    workload = text("Workload and caseload")
    learning = text("Learning and development")
    reflection = text(
        "Reflection",
        hint="What the worker and you reflected on: this can count as peer reflection "
        "for their professional registration",
    )

    def __init__(self, *args, supervisees, **kwargs):
        super().__init__(*args, **kwargs)
        self.supervisees = {w.pk: w for w in supervisees}
        self.fields["supervisee"].choices = [("", "Select a worker")] + [
            (w.pk, str(w)) for w in self.supervisees.values()
        ]

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["supervisee"] = self.supervisees.get(parse_id(data["supervisee"]))
        return data


class ActionForm(forms.Form):
    action = text("Action", required=True, message="Enter the action", rows=3)
    owner = radios("Who will do it", OWNER_CHOICES, "Select who owns the action")
    due_on = date_field(
        "Due by (optional)",
        required=False,
        errors_label="The date the action is due",
        hint="Leave it empty for the local standard (4 weeks after the supervision). For example, 27 3 2025",
    )


class DoneForm(forms.Form):
    done_on = date_field("Date the action was done", errors_label="The date the action was done")


class SignForm(forms.Form):
    """The supervisor's signature: the page says what signing means; there is nothing to type."""


class CountersignForm(forms.Form):
    agrees = radios(
        "Is this a fair record of your supervision?",
        [("yes", "Yes, I agree it is a fair record"), ("no", "No, I disagree with it")],
        "Select whether you agree this is a fair record of the supervision",
    )
    comment = text(
        "Your comment", hint="Optional if you agree. If you disagree, say what with: it stays on the record."
    )

    def service_kwargs(self) -> dict:
        return {"agrees": self.cleaned_data["agrees"] == "yes", "comment": self.cleaned_data["comment"]}


class CaseDiscussionForm(forms.Form):
    child = forms.ChoiceField(
        label="Child discussed", widget=forms.RadioSelect, error_messages={"required": "Select the child discussed"}
    )
    situation = text("The child’s situation", required=True, message="Enter the child’s situation")
    analysis = text("Analysis of risk and progress", required=True, message="Enter the analysis of risk and progress")
    direction = text("Management direction", required=True, message="Enter the management direction")
    rationale = text(
        "Rationale for the direction",
        required=True,
        message="Enter the rationale for the direction",
        hint="Why this direction: supervision records are disclosable in court",
    )

    def __init__(self, *args, children, **kwargs):
        super().__init__(*args, **kwargs)
        self.children = {c.pk: c for c in children}
        self.fields["child"].choices = [(c.pk, f"{c.full_name} ({c.la_id})") for c in self.children.values()]
        for n in range(1, ACTION_SLOTS + 1):
            self.fields[f"action_{n}"] = forms.CharField(
                label=f"Action {n} (optional)", required=False, max_length=1000
            )
            self.fields[f"owner_{n}"] = radios(f"Who will do action {n}", OWNER_CHOICES, "", required=False)
            self.fields[f"due_on_{n}"] = date_field(
                f"Action {n} due by (optional)",
                required=False,
                errors_label=f"The date action {n} is due",
                hint="Leave it empty for 4 weeks after the supervision",
            )

    def clean(self):
        data = super().clean()
        for n in range(1, ACTION_SLOTS + 1):
            if (data.get(f"action_{n}") or "").strip() and not data.get(f"owner_{n}"):
                self.add_error(f"owner_{n}", f"Select who will do action {n}")
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "child": self.children.get(parse_id(data["child"])),
            **{key: data[key] for key in ("situation", "analysis", "direction", "rationale")},
            "actions": [
                {
                    "action": data.get(f"action_{n}", ""),
                    "owner": data.get(f"owner_{n}") or "",
                    "due_on": data.get(f"due_on_{n}"),
                }
                for n in range(1, ACTION_SLOTS + 1)
            ],
        }
