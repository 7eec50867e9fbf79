"""Forms for people. Validation of identifiers lives in people/identifiers.py; forms call it so
that a social worker sees a message beside the field, in the GOV.UK pattern."""

from django import forms
from django.core.exceptions import ValidationError

from codelists import cin
from core.forms import DateField
from people import identifiers
from people.choices import ImmigrationStatus, NameKind, ProfessionalRole, RelationshipKind, WarningKind

YES_NO = [("yes", "Yes"), ("no", "No")]


def _blank(choices, label="Not recorded"):
    return [("", label), *choices]


class SearchForm(forms.Form):
    name = forms.CharField(label="Name", required=False, max_length=200)
    date_of_birth = DateField(label="Date of birth", required=False, label_for_errors="Date of birth")
    identifier = forms.CharField(
        label="LA child ID, NHS number or UPN",
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )

    def clean(self):
        data = super().clean()
        if not self.errors and not (
            data.get("name", "").strip() or data.get("date_of_birth") or data.get("identifier", "").strip()
        ):
            raise ValidationError("Enter a name, a date of birth or an identifier to search for")
        return data

    def typed(self) -> dict:
        """What each box shows (what was typed, "" for nothing) and each field's errors, for the
        search page, which writes its three fields' markup itself (people/search.html): the
        generic {% govuk_field %} worked out each widget's kind, context and value on every
        request, a quarter of the page's Python. The values are those the widgets would show:
        the last of each parameter, as typed."""
        data, errors = self.data, self.errors
        return {
            "name": data.get("name") or "",
            "identifier": data.get("identifier") or "",
            # The date of birth's three boxes: (index in the field's name, label, value, width).
            "date_parts": [
                (index, label, data.get(f"date_of_birth_{index}") or "", width) for index, label, width in _DATE_PARTS
            ],
            "name_errors": errors.get("name"),
            "date_of_birth_errors": errors.get("date_of_birth"),
            "identifier_errors": errors.get("identifier"),
            "errors": bool(errors),
        }


_DATE_PARTS = ((0, "Day", 2), (1, "Month", 2), (2, "Year", 4))


class _IdentityFields(forms.Form):
    """Names, dates and identifiers, shared by the create and edit forms."""

    given_name = forms.CharField(label="First name", max_length=100, required=False)
    middle_names = forms.CharField(label="Middle names", max_length=200, required=False)
    family_name = forms.CharField(label="Last name", max_length=100, error_messages={"required": "Enter the last name"})
    preferred_name = forms.CharField(label="Known as (optional)", max_length=100, required=False)
    date_of_birth = DateField(label="Date of birth", required=False, help_text="For example, 27 3 2015")
    expected_date_of_birth = DateField(
        label="Expected date of birth (unborn child)",
        required=False,
        help_text="Only for an unborn child, instead of a date of birth",
    )
    sex = forms.ChoiceField(
        label="Sex", choices=cin.Sex.choices, widget=forms.RadioSelect, error_messages={"required": "Select the sex"}
    )
    nhs_number = forms.CharField(
        label="NHS number (optional)",
        max_length=14,
        required=False,
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
        help_text="10 digits, for example 943 476 5919",
    )

    def clean_nhs_number(self):
        value = self.cleaned_data["nhs_number"].strip()
        return identifiers.validate_nhs_number(value) if value else ""


DOB_KNOWN, DOB_ESTIMATED, DOB_UNKNOWN = "known", "estimated", "unknown"


class ChildCreateForm(_IdentityFields):
    # Issue 13: a contact about a child whose date of birth nobody knows could not be recorded.
    date_of_birth_known = forms.ChoiceField(
        label="Is the child’s date of birth known?",
        widget=forms.RadioSelect,
        required=False,
        choices=[
            (DOB_KNOWN, "Yes"),
            (DOB_ESTIMATED, "Only roughly: the date below is an estimate"),
            (DOB_UNKNOWN, "No, not yet"),
        ],
        help_text="You can record the date, or correct an estimate, on the child’s personal details when it is known",
    )

    def clean(self):
        data = super().clean()
        known = data.pop("date_of_birth_known", "") or DOB_KNOWN
        if self.errors:
            return data
        if known == DOB_UNKNOWN:
            if data.get("date_of_birth"):
                self.add_error(
                    "date_of_birth", "Leave the date of birth empty if it is not known, or say it is an estimate"
                )
        elif not data.get("date_of_birth") and not data.get("expected_date_of_birth"):
            self.add_error(
                "date_of_birth", "Enter the date of birth, or the expected date of birth for an unborn child"
            )
        data["date_of_birth_estimated"] = known == DOB_ESTIMATED and bool(data.get("date_of_birth"))
        return data


class PersonDetailsForm(_IdentityFields):
    """Everything on the personal details page. `version` is the version the user opened."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    date_of_birth_estimated = forms.BooleanField(
        label="The date of birth is an estimate",
        required=False,
        help_text="Untick it when the date of birth is confirmed",
    )
    date_of_death = DateField(label="Date of death", required=False)
    gender_identity = forms.CharField(label="Gender identity (optional)", max_length=100, required=False)
    ethnicity = forms.ChoiceField(label="Ethnicity", choices=_blank(cin.Ethnicity.choices), required=False)
    first_language = forms.CharField(label="First language", max_length=60, required=False)
    religion = forms.CharField(label="Religion", max_length=60, required=False)
    disabilities = forms.MultipleChoiceField(
        label="Disabilities",
        choices=cin.Disability.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Select all that apply, or 'None' if the child has no disability",
    )
    upn = forms.CharField(
        label="Unique pupil number (UPN)",
        max_length=13,
        required=False,
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
        help_text="13 characters, starting with a letter",
    )
    former_upn = forms.CharField(
        label="Former UPN", max_length=13, required=False, widget=forms.TextInput(attrs={"spellcheck": "false"})
    )
    upn_unknown_reason = forms.ChoiceField(
        label="Reason the UPN is not known", choices=_blank(cin.UPNUnknown.choices, "Not applicable"), required=False
    )
    immigration_status = forms.ChoiceField(
        label="Immigration status", choices=_blank(ImmigrationStatus.choices), required=False
    )
    uasc = forms.BooleanField(label="Unaccompanied asylum-seeking child", required=False)

    def __init__(self, *args, is_child=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sex"].required = is_child

    def clean_upn(self):
        value = self.cleaned_data["upn"].strip()
        return identifiers.validate_upn(value) if value else ""

    def clean_former_upn(self):
        value = self.cleaned_data["former_upn"].strip()
        return identifiers.validate_former_upn(value) if value else ""

    def clean_disabilities(self):
        values = self.cleaned_data["disabilities"]
        if "NONE" in values and len(values) > 1:
            raise ValidationError("Select 'None', or the disabilities the child has, not both")
        return values

    def clean(self):
        data = super().clean()
        if data.get("upn") and data.get("upn_unknown_reason"):
            self.add_error("upn_unknown_reason", "Leave the reason empty when the UPN is known")
        return data


class FamilyMemberNewForm(_IdentityFields):
    """A new person in the child's life, and how they are related."""

    kind = forms.ChoiceField(
        label="Relationship to the child",
        choices=RelationshipKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how they are related to the child"},
    )
    is_child = forms.BooleanField(
        label="They are a child with their own record here (for example a sibling)", required=False
    )
    parental_responsibility = forms.BooleanField(label="Has parental responsibility for the child", required=False)
    lives_with = forms.BooleanField(label="Lives with the child", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sex"].required = False
        self.fields["sex"].choices = _blank(cin.Sex.choices, "Not known")


class FamilyMemberLinkForm(forms.Form):
    """Link someone who already has a record (found by search)."""

    person_id = forms.IntegerField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        label="Relationship to the child",
        choices=RelationshipKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how they are related to the child"},
    )
    parental_responsibility = forms.BooleanField(label="Has parental responsibility for the child", required=False)
    lives_with = forms.BooleanField(label="Lives with the child", required=False)


class ProfessionalForm(forms.Form):
    role = forms.ChoiceField(
        label="Role", choices=ProfessionalRole.choices, error_messages={"required": "Select the role"}
    )
    name = forms.CharField(label="Name", max_length=200, error_messages={"required": "Enter the professional's name"})
    organisation = forms.CharField(label="Organisation", max_length=200, required=False)
    phone = forms.CharField(
        label="Phone", max_length=40, required=False, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    email = forms.EmailField(
        label="Email",
        required=False,
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
    )


class OtherNameForm(forms.Form):
    kind = forms.ChoiceField(
        label="Type of name",
        choices=NameKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of name"},
    )
    given_name = forms.CharField(label="First name", max_length=100, required=False)
    family_name = forms.CharField(label="Last name", max_length=100, error_messages={"required": "Enter the last name"})


class WarningForm(forms.Form):
    kind = forms.ChoiceField(
        label="Type of warning",
        choices=WarningKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of warning"},
    )
    details = forms.CharField(
        label="What visitors need to know",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what visitors need to know"},
    )
    review_date = DateField(label="Review date", help_text="When this warning should be checked again")


class AddressForm(forms.Form):
    line_1 = forms.CharField(
        label="Address line 1", max_length=200, error_messages={"required": "Enter address line 1"}
    )
    line_2 = forms.CharField(label="Address line 2 (optional)", max_length=200, required=False)
    town = forms.CharField(label="Town or city", max_length=100, required=False)
    postcode = forms.CharField(label="Postcode", max_length=10, error_messages={"required": "Enter the postcode"})
    start_date = DateField(label="Lived here from")

    def clean_postcode(self):
        return identifiers.validate_uk_postcode(self.cleaned_data["postcode"])


class RestrictedAccessForm(forms.Form):
    username = forms.CharField(label="Username of the person to give access to", max_length=150)
    reason = forms.CharField(
        label="Reason", max_length=300, error_messages={"required": "Enter the reason for giving access"}
    )
    expires_on = DateField(label="Access ends on")


class MergeForm(forms.Form):
    keep = forms.CharField(label="LA ID of the record to keep", max_length=20)
    merge = forms.CharField(label="LA ID of the duplicate record to merge into it", max_length=20)
    confirm = forms.BooleanField(
        label="I have checked these are the same person",
        error_messages={"required": "Confirm you have checked these are the same person"},
    )
