"""Writes for people: create, edit (never overwriting a colleague's change), family, merge."""

import datetime
from dataclasses import dataclass

import pghistory.models
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import F

from access.capabilities import Capability, may, require
from casework.chronology import chronology_record
from core import clock
from people.choices import REVERSE_LABELS, NameKind, ProfessionalRole, RelationshipKind, WarningKind
from people.models import Address, Person, PersonName, PersonWarning, ProfessionalInvolvement, Relationship
from workforce.roles import Role

# Fields a user edits on the details form; the conflict check compares these.
EDITABLE_FIELDS = [
    "given_name",
    "middle_names",
    "family_name",
    "preferred_name",
    "date_of_birth",
    "date_of_birth_estimated",
    "expected_date_of_birth",
    "date_of_death",
    "sex",
    "gender_identity",
    "ethnicity",
    "first_language",
    "religion",
    "disabilities",
    "nhs_number",
    "upn",
    "former_upn",
    "upn_unknown_reason",
    "immigration_status",
    "uasc",
]


def next_la_id() -> str:
    """LA child IDs come from a PostgreSQL sequence: unique, never reused, no race between saves."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval('people_la_id_seq')")
        (n,) = cursor.fetchone()
    return f"C{n:07d}"


def _now():
    return clock.now()


def check_person_dates(*, date_of_birth=None, expected_date_of_birth=None, date_of_death=None, today=None):
    today = today or clock.today()
    errors = {}
    if date_of_birth and date_of_birth > today:
        errors["date_of_birth"] = "Date of birth must be today or in the past"
    if date_of_death and date_of_death > today:
        errors["date_of_death"] = "Date of death must be today or in the past"
    if date_of_death and date_of_birth and date_of_death < date_of_birth:
        errors["date_of_death"] = "Date of death must be the same as or after the date of birth"
    if expected_date_of_birth and date_of_birth:
        errors["expected_date_of_birth"] = "Give a date of birth or an expected date of birth, not both"
    if errors:
        raise ValidationError(errors)


def may_edit_person(actor, person: Person) -> bool:
    """May `actor` change this person's details, names, addresses, family, professionals, warnings?

    A child: the capability table, by the actor's relationship to the child. An adult (a parent, a
    carer) has no team or worker of their own, so the table's relationships say nothing about
    them: a role that edits children's details may edit an adult's record it can see, and a role
    that only reads (QA, senior leaders, the LADO, IROs, administrators) may not.
    """
    if person.is_child:
        return may(actor, Capability.EDIT_PERSON, person)
    from access.selectors import can_view_person

    return may(actor, Capability.EDIT_PERSON) and can_view_person(actor, person)


def require_edit_person(actor, person: Person) -> None:
    if not may_edit_person(actor, person):
        raise PermissionDenied("Your role cannot record this for this person.")


@transaction.atomic
def person_create(*, actor, is_child: bool = True, allocate: bool = True, **fields) -> Person:
    """Create a person. A child created by a social worker is allocated to them and their team."""
    if is_child:
        require(actor, Capability.ADD_CHILD)
    check_person_dates(
        date_of_birth=fields.get("date_of_birth"),
        expected_date_of_birth=fields.get("expected_date_of_birth"),
        date_of_death=fields.get("date_of_death"),
    )
    person = Person.objects.create(la_id=next_la_id(), is_child=is_child, created_by=actor, **fields)
    if is_child:
        chronology_record(
            child=person,
            event_type="person.created",
            occurred_at=_now(),
            actor=actor,
            source=person,
            data={"name": person.full_name},
        )
        if allocate and actor.role == Role.SOCIAL_WORKER and actor.team_id:
            from casework.services import allocation_to_creator

            allocation_to_creator(actor=actor, child=person, start_date=clock.today())
            person.refresh_from_db()  # the allocation set current_worker and current_team
    return person


@dataclass
class Change:
    field: str
    label: str
    yours: object
    theirs: object


class EditConflict(Exception):
    """Someone saved the record after this user opened it. `changes` says what they changed."""

    def __init__(self, changes: list[Change], current: Person):
        super().__init__("The record was changed by someone else")
        self.changes = changes
        self.current = current


@transaction.atomic
def person_update(*, actor, person: Person, expected_version: int, original: dict, **changes) -> Person:
    """Save changes to a person's details, refusing if someone else saved in between.

    `original` is what the form showed when the user opened it; if the record moved on since
    (its version is not `expected_version`), the save is refused and the fields the other
    person changed are reported, so the user can see them and decide.
    """
    require_edit_person(actor, person)
    current = Person.objects.select_for_update().get(pk=person.pk)
    if current.version != expected_version:
        theirs = [
            Change(f, Person._meta.get_field(f).verbose_name, original.get(f), getattr(current, f))
            for f in EDITABLE_FIELDS
            if f in original and original.get(f) != getattr(current, f)
        ]
        raise EditConflict(theirs, current)
    check_person_dates(
        date_of_birth=changes.get("date_of_birth", current.date_of_birth),
        expected_date_of_birth=changes.get("expected_date_of_birth", current.expected_date_of_birth),
        date_of_death=changes.get("date_of_death", current.date_of_death),
    )
    changed = [f for f, v in changes.items() if getattr(current, f) != v]
    if not changed:
        return current
    for field in changed:
        setattr(current, field, changes[field])
    current.version = F("version") + 1
    current.save(update_fields=[*changed, "version", "updated_at"])
    current.refresh_from_db()
    if current.is_child:
        chronology_record(
            child=current,
            event_type="person.updated",
            occurred_at=_now(),
            actor=actor,
            source=current,
            data={"fields": [str(Person._meta.get_field(f).verbose_name) for f in changed]},
        )
        # A date of birth moves age-based due items; sex, ethnicity or a UPN change what the
        # record-changed hooks (data quality) find. Same transaction as the edit.
        from timescales.engine import refresh_due_items

        refresh_due_items(current)
    return current


@transaction.atomic
def relationship_add(
    *,
    actor,
    child: Person,
    other: Person,
    kind: str,
    other_is: bool = True,
    parental_responsibility: bool = False,
    lives_with: bool = False,
    notes: str = "",
) -> Relationship:
    """Link `other` to `child`. With other_is=True, `other` is the `kind` of the child (the mother)."""
    require_edit_person(actor, child)
    if other.pk == child.pk:
        raise ValidationError("A person cannot be related to themselves")
    from_person, to_person = (other, child) if other_is else (child, other)
    try:
        with transaction.atomic():
            rel = Relationship.objects.create(
                from_person=from_person,
                to_person=to_person,
                kind=kind,
                parental_responsibility=parental_responsibility,
                lives_with=lives_with,
                notes=notes,
            )
    except IntegrityError:
        raise ValidationError(
            f"{other.full_name} is already recorded as {RelationshipKind(kind).label.lower()}"
        ) from None
    # Each side's chronology says how the other person is related to them: "Sarah added as mother"
    # on the child's, "Jay added as child" on Sarah's (if she has a record of her own).
    as_kind, as_reverse = RelationshipKind(kind).label, REVERSE_LABELS[RelationshipKind(kind)]
    # Keyed by whose chronology it is: to_person sees from_person as `kind`, and the reverse.
    labels = {to_person.pk: as_kind, from_person.pk: as_reverse}
    for subject, named in ((child, other), (other, child)):
        if subject.is_child:
            chronology_record(
                child=subject,
                event_type="family.linked",
                occurred_at=_now(),
                actor=actor,
                source=rel,
                data={"other_name": named.full_name, "relationship": labels[subject.pk], "lives_with": lives_with},
            )
    return rel


@transaction.atomic
def family_member_create(*, actor, child: Person, kind: str, parental_responsibility=False, lives_with=False, **fields):
    """Create a new person (an adult, or a sibling who is a child) and link them to the child."""
    require_edit_person(actor, child)
    is_child = fields.pop("is_child", False)
    other = person_create(actor=actor, is_child=is_child, allocate=False, **fields)
    relationship_add(
        actor=actor,
        child=child,
        other=other,
        kind=kind,
        parental_responsibility=parental_responsibility,
        lives_with=lives_with,
    )
    return other


@transaction.atomic
def person_name_add(*, actor, person: Person, kind: str, family_name: str, given_name: str = "") -> PersonName:
    """Record a previous name or alias, so a search for it still finds the person."""
    require_edit_person(actor, person)
    if not family_name.strip():
        raise ValidationError({"family_name": "Enter the last name"})
    name = PersonName.objects.create(
        person=person, kind=kind, given_name=given_name.strip(), family_name=family_name.strip()
    )
    if person.is_child:
        chronology_record(
            child=person,
            event_type="person.name_added",
            occurred_at=_now(),
            actor=actor,
            source=name,
            data={"kind": NameKind(kind).label, "name": str(name)},
        )
    return name


@transaction.atomic
def address_add(*, actor, person: Person, line_1, postcode, start_date, line_2="", town="") -> Address:
    """Record a new address; the previous current address ends the day before."""
    require_edit_person(actor, person)
    current = person.addresses.filter(end_date__isnull=True).first()
    if current is not None:
        if start_date <= current.start_date:
            raise ValidationError({"start_date": "The new address must start after the current one started"})
        current.end_date = start_date - datetime.timedelta(days=1)
        current.save(update_fields=["end_date"])
    address = Address.objects.create(
        person=person, line_1=line_1, line_2=line_2, town=town, postcode=postcode, start_date=start_date
    )
    if person.is_child:
        chronology_record(
            child=person,
            event_type="address.added",
            occurred_at=_now(),
            actor=actor,
            source=address,
            data={"postcode": postcode, "start_date": start_date.strftime("%d/%m/%Y")},
        )
    return address


@transaction.atomic
def professional_add(
    *, actor, child: Person, role, name, organisation="", phone="", email=""
) -> ProfessionalInvolvement:
    require_edit_person(actor, child)
    involvement = ProfessionalInvolvement.objects.create(
        person=child,
        role=role,
        name=name,
        organisation=organisation,
        phone=phone,
        email=email,
        start_date=clock.today(),
    )
    chronology_record(
        child=child,
        event_type="professional.added",
        occurred_at=_now(),
        actor=actor,
        source=involvement,
        data={"role": ProfessionalRole(role).label, "name": name, "organisation": organisation},
    )
    return involvement


@transaction.atomic
def warning_add(*, actor, person: Person, kind, details, review_date) -> PersonWarning:
    require_edit_person(actor, person)
    if review_date < clock.today():
        raise ValidationError({"review_date": "Review date must be today or in the future"})
    warning = PersonWarning.objects.create(
        person=person, kind=kind, details=details, review_date=review_date, created_by=actor
    )
    if person.is_child:
        chronology_record(
            child=person,
            event_type="warning.added",
            occurred_at=_now(),
            actor=actor,
            source=warning,
            data={"kind": WarningKind(kind).label, "review_date": review_date.strftime("%d/%m/%Y")},
        )
    return warning


@transaction.atomic
def warning_end(*, actor, warning: PersonWarning, reason: str) -> PersonWarning:
    require_edit_person(actor, warning.person)
    warning.ended_at = _now()
    warning.ended_reason = reason
    warning.save(update_fields=["ended_at", "ended_reason"])
    if warning.person.is_child:
        chronology_record(
            child=warning.person,
            event_type="warning.ended",
            occurred_at=_now(),
            actor=actor,
            source=warning,
            data={"kind": WarningKind(warning.kind).label, "reason": reason},
        )
    return warning


@transaction.atomic
def people_merge(*, actor, keep: Person, merge: Person) -> Person:
    """Merge `merge` into `keep`: every linked record moves to `keep`; `merge` stays, marked
    as merged, so its audit trail and read log still lead somewhere."""
    if actor.role != Role.SYSTEM_ADMIN:
        raise PermissionError("Only a system administrator can merge records.")
    if keep.pk == merge.pk:
        raise ValidationError("Choose two different records to merge")
    if keep.merged_into_id or merge.merged_into_id:
        raise ValidationError("One of these records has already been merged")
    keep = Person.objects.select_for_update().get(pk=keep.pk)
    merge = Person.objects.select_for_update().get(pk=merge.pk)
    # Move every row that points at the merged person, whichever app it belongs to, so that
    # models added later are merged without anyone remembering to add them here.
    try:
        with transaction.atomic():
            for relation in Person._meta.related_objects:
                if relation.related_model is Person or not relation.field.concrete:
                    continue
                if issubclass(relation.related_model, pghistory.models.Event):
                    continue  # the audit trail stays with the record it describes
                _move_rows(relation.related_model, relation.field.name, merge, keep)
    except IntegrityError:
        # Two open CIN episodes, overlapping plans or periods of care: the records disagree about
        # the child's history, and a person must decide which is right before they are merged.
        raise ValidationError(
            "These records cannot be merged yet: both have open or overlapping records (for example two open "
            "episodes, or plans or periods of care at the same time). Close or correct one of them first."
        ) from None
    # Fill gaps in the kept record from the merged one (never overwrite what is there).
    filled = []
    for field in EDITABLE_FIELDS:
        if not getattr(keep, field) and getattr(merge, field):
            setattr(keep, field, getattr(merge, field))
            filled.append(field)
    keep.version = F("version") + 1
    keep.save()
    keep.refresh_from_db()
    Person.objects.filter(pk=merge.pk).update(merged_into=keep, current_worker=None, current_team=None)
    chronology_record(
        child=keep,
        event_type="person.merged",
        occurred_at=_now(),
        actor=actor,
        source=merge,
        data={"merged_la_id": merge.la_id, "merged_name": merge.full_name, "filled": filled},
    )
    return keep


def _move_rows(model, field_name: str, merge: Person, keep: Person) -> None:
    from casework.models import Allocation

    if model is Relationship:
        # A link between the two records being merged would become a link to oneself.
        Relationship.objects.filter(from_person=merge, to_person=keep).delete()
        Relationship.objects.filter(from_person=keep, to_person=merge).delete()
    if model is Allocation and field_name == "child":
        # Keep one open allocation: the kept record's, if it has one.
        if Allocation.objects.filter(child=keep, end_date__isnull=True).exists():
            Allocation.objects.filter(child=merge, end_date__isnull=True).update(
                end_date=clock.today(), end_reason="other"
            )
    for row in model.objects.filter(**{field_name: merge}):
        setattr(row, field_name, keep)
        try:
            with transaction.atomic():
                row.save(update_fields=[field_name])
        except IntegrityError:
            # The kept record already has the same current link (say, the same mother):
            # the duplicate is ended rather than moved, and stays in the audit trail.
            if model is Relationship:
                Relationship.objects.filter(pk=row.pk).update(end_date=clock.today())
            else:
                raise


@transaction.atomic
def person_set_restricted(*, actor, person: Person, restricted: bool) -> None:
    if actor.role != Role.SYSTEM_ADMIN:
        raise PermissionError("Only a system administrator can restrict a record.")
    Person.objects.filter(pk=person.pk).update(restricted=restricted, version=F("version") + 1)
