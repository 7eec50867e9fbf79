"""Template tags that render Django forms with GOV.UK Design System markup.

    {% govuk_error_summary form %}
    {% govuk_field form.date_of_birth hint="For example, 27 3 2007" %}

The widget decides the pattern: text input, textarea, select, radios, checkboxes, date input
or file upload. Errors appear beside the field and in the summary at the top of the page.
"""

from django import forms, template

register = template.Library()


def _kind(widget) -> str:
    from core.forms import DateInput

    if isinstance(widget, DateInput):
        return "date"
    # CheckboxSelectMultiple is a subclass of RadioSelect: ask about it first.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "file"
    return "input"


@register.simple_tag(takes_context=True)
def form_token(context):
    """The one-time token of a POST form (core.submissions), placed beside {% csrf_token %}."""
    from django.utils.html import format_html

    from core import submissions

    user = context.get("user")
    if user is None or not user.is_authenticated:
        return ""
    return format_html('<input type="hidden" name="{}" value="{}">', submissions.FIELD, submissions.issue(user))


@register.simple_tag
def id_url(name, *ids):
    """{% id_url 'people:summary' person.pk %}: what {% url %} gives, for links repeated down a
    list (core.links: the name is reversed once, not once a row)."""
    from core.links import url_for_ids

    return url_for_ids(name, *ids)


@register.inclusion_tag("includes/fields/field.html")
def govuk_field(field, hint=None, label_size=None, classes="", label=None, inline=False):
    widget = field.field.widget
    return {
        "field": field,
        "kind": _kind(widget),
        "hint": hint if hint is not None else field.help_text,
        "label": label or field.label,
        "label_size": label_size,
        "classes": classes,
        "inline": inline,
        "input_type": getattr(widget, "input_type", "text"),
        "errors": field.errors,
    }


@register.inclusion_tag("includes/error_summary.html")
def govuk_error_summary(*forms_):
    items = []
    for form in forms_:
        if form is None or not form.is_bound:
            continue
        for error in form.non_field_errors():
            items.append({"text": error, "href": None})
        for name, field_errors in form.errors.items():
            if name == "__all__":
                continue
            bound = form[name]
            anchor = bound.id_for_label or bound.auto_id
            if isinstance(bound.field.widget, forms.MultiWidget | forms.RadioSelect):
                # Date inputs, radios and checkboxes: link to the first box or option.
                anchor = f"{bound.auto_id}_0"
            for error in field_errors:
                items.append({"text": error, "href": f"#{anchor}"})
    return {"items": items}


@register.filter
def date_parts(field):
    """The day, month and year boxes of a DateField, each with its label and width."""
    from core.forms import DateInput

    context = field.field.widget.get_context(field.html_name, field.value(), {"id": field.auto_id})
    return zip(context["widget"]["subwidgets"], DateInput.PARTS)
