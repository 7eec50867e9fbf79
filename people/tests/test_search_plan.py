"""Name search must reach people through its indexes, not by reading every person.

A plan on a test-sized table proves little (PostgreSQL rightly reads a small table whole), so
the test turns sequential and plain index scans off: a query that can use the name keys'
indexes (current and previous names) then does; one that cannot (an OR with an EXISTS, as the search once was)
still has to read the whole table.
"""

from django.db import connection

from people.selectors import SearchQuery, person_search
from workforce.roles import Role


def test_search_by_name_uses_the_name_indexes_not_a_scan_of_everyone(make_staff, team):
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
    assert "Bitmap Index Scan on person_search_keys" in plan and "Bitmap Index Scan on personname_search_keys" in plan, plan

