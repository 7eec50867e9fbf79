"""Name search must reach people through its indexes, not by reading every person.

A plan on a test-sized table proves little (PostgreSQL rightly reads a small table whole), so
the test loads a few thousand people and turns sequential and plain index scans off: a query
that can use the name keys' indexes (current and previous names) then does; one that cannot (an
OR with an EXISTS, as the search once was) still has to read the whole table, or a whole index.
"""

import datetime

from django.db import connection

from people.models import Person
from people.selectors import SearchQuery, person_search
from synthetic.generator.names import NameSource
from workforce.roles import Role


def _people(count=3_000):
    names = NameSource(1)
    people = []
    for i in range(count):
        heritage, sex = names.heritage(), "MF"[i % 2]
        people.append(
            Person(
                la_id=f"P{i:08d}",
                given_name=names.first_name(sex, heritage),
                family_name=names.family_surname(heritage),
                sex=sex,
                date_of_birth=datetime.date(2010, 1, 1) + datetime.timedelta(days=i % 3_000),
            )
        )
    Person.objects.bulk_create(people, batch_size=1_000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE people_person")  # the planner sees a few thousand people, as a live system's


def test_search_by_name_uses_the_name_indexes_not_a_scan_of_everyone(make_staff, team):
    _people()
    searcher = make_staff(Role.MASH_WORKER, team=team)
    results = person_search(user=searcher, query=SearchQuery(name="Jonathon Smyth"))
    sql, params = results.query.sql_with_params()
    with connection.cursor() as cursor:
        # Scans of a whole table or a whole index are turned off, so only a lookup by an index
        # condition (a bitmap scan) is cheap, wherever the query allows one.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Seq Scan on people_person" not in plan, plan
    assert "Recheck Cond: (merged_into_id IS NULL)" not in plan, plan  # every person, by a partial index
    assert (
        "Bitmap Index Scan on person_search_keys" in plan and "Bitmap Index Scan on personname_search_keys" in plan
    ), plan
