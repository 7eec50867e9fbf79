"""Forms for inspections and the improvement plan: they parse what was typed into the services'
arguments (the services check the rest)."""

from django import forms

from audits.choices import Grade, Theme
from core.forms import date_field, parse_id, radios, text
from improvement import evidence
from improvement.choices import ActionStatus, InspectionKind, JudgementArea

GRADE_CHOICES = [("", "Not judged")] + [(str(value), label) for value, label in Grade.choices]


def _staff_choices(staff) -> list[tuple[str, str]]:
    return [("", "Select a person")] + [(str(u.pk), f"{u.get_full_name()}, {u.get_role_display()}") for u in staff]


class InspectionForm(forms.Form):
    kind = radios("Type of inspection", InspectionKind.choices, "Select the type of inspection")
    started_on = date_field("First day on site", errors_label="The first day on site")
    ended_on = date_field("Last day on site", errors_label="The last day on site")
    report_published_on = date_field(
        "Date the report was published (optional)",
        required=False,
        errors_label="The date the report was published",
        hint="The improvement plan is due 70 working days after it. For example, 27 3 2025",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for area in JudgementArea:
            self.fields[f"grade_{area.value}"] = forms.ChoiceField(
                label=area.label, choices=GRADE_CHOICES, required=False
            )

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        grades = {area.value: int(data.pop(f"grade_{area.value}") or 0) or None for area in JudgementArea}
        return {**data, "grades": grades}


class RecommendationForm(forms.Form):
    text = text(
        "Recommendation", required=True, message="Enter the recommendation", rows=4, hint="As the report words it"
    )
    area = radios("Judgement area it is about", JudgementArea.choices, "Select the judgement area")


class PlanForm(forms.Form):
    owner = forms.ChoiceField(
        label="Who owns the plan",
        error_messages={"required": "Select who owns the plan"},
        help_text="The senior leader who answers for it: overdue actions show on their page",
    )

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.staff = {u.pk: u for u in staff}
        self.fields["owner"].choices = _staff_choices(staff)

    def service_kwargs(self) -> dict:
        return {"owner": self.staff.get(parse_id(self.cleaned_data["owner"]))}


class ActionForm(forms.Form):
    description = text("Action", required=True, message="Enter the action", rows=3)
    owner = forms.ChoiceField(label="Who owns the action", error_messages={"required": "Select who owns the action"})
    due_on = date_field("Due by", errors_label="The date the action is due")
    indicators = forms.MultipleChoiceField(
        label="Indicators that show progress (optional)", required=False, widget=forms.CheckboxSelectMultiple
    )
    audit_themes = forms.MultipleChoiceField(
        label="Case audit themes that show progress (optional)",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=Theme.choices,
    )

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.staff = {u.pk: u for u in staff}
        self.fields["owner"].choices = _staff_choices(staff)
        self.fields["indicators"].choices = evidence.indicator_choices()

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["owner"] = self.staff.get(parse_id(data["owner"]))
        return data


class ActionUpdateForm(forms.Form):
    status = radios("Status", ActionStatus.choices, "Select the action’s status")
    done_on = date_field("Date it was done (if done)", required=False, errors_label="The date the action was done")
    progress = text("Progress", hint="What has been done and what it has changed, in a sentence or two")
