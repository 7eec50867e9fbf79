"""Reads: a child's looked-after record, the placed-with-parents tracker, an IRO's reviews, and
the SSDA903 Episodes rows; what they return, who they hide, and what they cost."""

import datetime

import pytest

from looked_after import selectors, services
from looked_after.tests.factories import HOME, NEW_FOSTER, WITH_PARENTS, at, move, start_care, statutory_visit
from people.services import person_create
from workforce.roles import Role

D = datetime.date


def another_child(worker, name="Amy"):
    return person_create(actor=worker, given_name=name, family_name="Jones", date_of_birth=D(2016, 1, 10))


# --- One child's record -----------------------------------------------------------------------------


def test_the_record_shows_the_current_episode_placement_and_history(worker, iro, child, today):
    start_care(worker, child, D(2025, 3, 1))
    move(worker, child, D(2025, 4, 1), NEW_FOSTER)
    services.episode_change(actor=worker, child=child, change_date=D(2025, 5, 1), legal_status="C2")
    services.iro_assign(actor=worker, child=child, iro=iro, start_date=D(2025, 3, 3))
    services.review_record(actor=iro, child=child, held_on=D(2025, 3, 28), participation="PN1")
    record = selectors.looked_after_record(child)
    assert record.looked_after and record.current_episode.legal_status == "C2"
    assert record.current_placement.carer_name == "Ms Okafor"
    assert [e.reason_new_episode for e in record.periods[0].episodes_list] == ["L", "P", "S"]
    assert record.iro.iro == iro and record.reviews[0].chaired_by == iro


def test_the_record_costs_the_same_number_of_queries_however_long_the_history(
    worker, iro, child, today, django_assert_max_num_queries
):
    start_care(worker, child, D(2024, 1, 2))
    for month in range(2, 12):
        move(worker, child, D(2024, month, 2), NEW_FOSTER if month % 2 else HOME)
        services.review_record(actor=iro, child=child, held_on=D(2024, month, 3), participation="PN1")
        services.missing_start(
            actor=worker,
            child=child,
            kind="M",
            started_at=at(D(2024, month, 5), 20),
            returned_at=at(D(2024, month, 6), 9),
        )
    with django_assert_max_num_queries(20):
        record = selectors.looked_after_record(child)
        [list(r.actions.all()) for r in record.reviews]
        [e.return_interview if hasattr(e, "return_interview") else None for e in record.missing.episodes]
        [e.placement.placement_type for p in record.periods for e in p.episodes_list]


def test_missing_history_counts_missing_and_away_over_the_last_12_months(worker, child, today):
    for day, kind in ((D(2024, 5, 1), "M"), (D(2024, 6, 3), "M"), (D(2025, 1, 5), "A"), (D(2025, 5, 30), "M")):
        episode = services.missing_start(
            actor=worker, child=child, kind=kind, started_at=at(day, 20), returned_at=at(day, 23)
        )
    services.return_interview_record(actor=worker, episode=episode, offered_at=at(D(2025, 5, 31), 9), accepted=False)
    history = selectors.missing_history(child)
    assert (history.missing_last_year, history.away_last_year, history.interviews_offered_last_year) == (2, 1, 1)
    assert history.current is None and len(history.episodes) == 4


# --- The placed-with-parents tracker ------------------------------------------------------------------


@pytest.fixture
def placed(worker, child, today):
    """Jay placed with parents under a care order since 1 November 2024; Amy with parents under
    an interim care order since 1 May 2025; Ben with parents but accommodated (section 20)."""
    start_care(worker, child, D(2024, 10, 1), legal_status="C2")
    move(worker, child, D(2024, 11, 1), WITH_PARENTS)
    services.pwp_agreement_record(
        actor=worker,
        child=child,
        parent_name="Ms Smith",
        discharge_plan="Discharge in the autumn",
        discharge_target_date=D(2025, 9, 30),
    )
    amy = another_child(worker)
    start_care(worker, amy, D(2025, 5, 1), legal_status="C1", placement=WITH_PARENTS)
    ben = another_child(worker, "Ben")
    start_care(worker, ben, D(2025, 5, 1), legal_status="V2", placement=WITH_PARENTS)
    return child, amy, ben


def test_the_tracker_lists_children_placed_with_parents_under_a_care_order_longest_first(manager, placed):
    child, amy, ben = placed
    rows = selectors.placed_with_parents_tracker(user=manager)
    assert [r.name for r in rows] == ["Jay Smith", "Amy Jones"]
    jay = rows[0]
    assert (jay.placed_since, jay.duration, jay.long_duration, jay.legal_status) == (
        D(2024, 11, 1),
        "7 months",
        "warn",
        "C2",
    )
    assert (jay.parent_name, jay.discharge_target_date) == ("Ms Smith", D(2025, 9, 30))
    assert rows[1].long_duration == "" and rows[1].duration == "1 month"
    assert rows[1].next_review == D(2025, 6, 2)  # 20 working days from 1 May
    assert not rows[1].review_overdue


def test_a_year_with_parents_is_an_alert(worker, manager, child, today):
    start_care(worker, child, D(2024, 6, 2), legal_status="C2", placement=WITH_PARENTS)
    assert selectors.placed_with_parents_tracker(user=manager)[0].long_duration == "alert"


def test_the_tracker_shows_only_children_the_user_may_see(make_staff, placed):
    from workforce.services import team_create

    other = make_staff(Role.TEAM_MANAGER, team=team_create(name="Far Team"))
    other.team.manager = other
    other.team.save()
    assert selectors.placed_with_parents_tracker(user=other) == []
    leader = make_staff(Role.SENIOR_LEADER)
    assert len(selectors.placed_with_parents_tracker(user=leader)) == 2


def test_the_tracker_is_one_query_with_the_managers_teams_in_it(manager, placed, django_assert_num_queries):
    with django_assert_num_queries(1):
        selectors.placed_with_parents_tracker(user=manager)


def test_a_child_who_leaves_the_placement_leaves_the_tracker(worker, manager, placed):
    child, amy, ben = placed
    move(worker, amy, D(2025, 6, 1), NEW_FOSTER)
    assert [r.name for r in selectors.placed_with_parents_tracker(user=manager)] == ["Jay Smith"]


# --- The IRO's reviews ---------------------------------------------------------------------------------


def test_an_iro_sees_the_reviews_due_for_the_children_they_chair(
    worker, iro, make_staff, child, today, django_assert_num_queries
):
    start_care(worker, child, D(2025, 5, 1))
    services.iro_assign(actor=worker, child=child, iro=iro, start_date=D(2025, 5, 2))
    amy = another_child(worker)
    start_care(worker, amy, D(2025, 5, 6))
    services.iro_assign(actor=worker, child=amy, iro=make_staff(Role.IRO), start_date=D(2025, 5, 6))
    with django_assert_num_queries(1):
        items = list(selectors.reviews_due_for_iro(user=iro))
    assert [(i.person.full_name, i.due_date) for i in items] == [("Jay Smith", D(2025, 6, 2))]


# --- The SSDA903 Episodes table ----------------------------------------------------------------------


def test_episodes_come_out_as_the_return_has_them(worker, child, today):
    start_care(worker, child, D(2025, 3, 1), placement=HOME)
    move(worker, child, D(2025, 4, 15), WITH_PARENTS, reason="CARPL", legal_status="C2")
    rows = list(selectors.ssda903_episodes(collection_start=D(2025, 4, 1), collection_end=D(2026, 3, 31)))
    assert rows == [
        {
            "CHILD": child.la_id,
            "DECOM": "01/03/2025",
            "RNE": "S",
            "LS": "V2",
            "CIN": "N1",
            "PLACE": "K2",
            "PLACE_PROVIDER": "PR4",
            "DEC": "15/04/2025",
            "REC": "X1",
            "REASON_PLACE_CHANGE": "CARPL",
            "HOME_POST": "NE6 1AA",
            "PL_POST": "DH1 3LE",
            "URN": "SC123456",
        },
        {
            "CHILD": child.la_id,
            "DECOM": "15/04/2025",
            "RNE": "B",
            "LS": "C2",
            "CIN": "N1",
            "PLACE": "P1",
            "PLACE_PROVIDER": "PR0",
            "DEC": "",
            "REC": "",
            "REASON_PLACE_CHANGE": "",
            "HOME_POST": "NE6 1AA",
            "PL_POST": "NE6 1AA",
            "URN": "",
        },
    ]


def test_statutory_visits_do_not_change_the_episodes(worker, child, today):
    start_care(worker, child, D(2025, 5, 1))
    statutory_visit(worker, child, at(D(2025, 5, 2)))
    assert len(list(selectors.ssda903_episodes(collection_start=D(2025, 4, 1), collection_end=D(2026, 3, 31)))) == 1


# --- Badges --------------------------------------------------------------------------------------------


def test_badges_looked_after_placed_with_parents_and_missing_now_in_one_query(
    worker, child, today, django_assert_num_queries
):
    from looked_after.badges import looked_after_badges

    assert looked_after_badges(child) == []
    start_care(worker, child, D(2025, 5, 1), legal_status="C2", placement=WITH_PARENTS)
    services.missing_start(actor=worker, child=child, kind="M", started_at=at(D(2025, 6, 1), 22))
    with django_assert_num_queries(1):
        badges = looked_after_badges(child)
    assert [b.text for b in badges] == ["Looked after", "Placed with parents", "Missing now"]


def test_the_compiled_badge_query_reads_each_childs_own_row_as_the_orm_would(worker, child, today):
    """The record's badge query is compiled once and rerun with another pk (people.record):
    a second child must get their own badges, and the row must equal the ORM's own reading."""
    from people.models import Person
    from people.record import _BADGE_COLUMNS, _badge_row, badges_for

    other = another_child(worker)
    start_care(worker, child, D(2025, 5, 1), legal_status="C2", placement=WITH_PARENTS)
    column_sets = [columns for columns, _ in _BADGE_COLUMNS]
    for person in (child, other, child):
        annotations = {}
        for columns in column_sets:
            annotations.update(columns())
        expected = Person.objects.filter(pk=person.pk).annotate(**annotations).values(*annotations).first()
        assert _badge_row(person, column_sets) == expected
    assert "Looked after" in [b.text for b in badges_for(child)]
    assert "Looked after" not in [b.text for b in badges_for(other)]


def test_a_short_break_is_badged_as_such(worker, child, today):
    from looked_after.badges import looked_after_badges

    start_care(worker, child, D(2025, 5, 1), legal_status="V3")
    assert [b.text for b in looked_after_badges(child)] == ["Looked after: short breaks"]
