"""How well a name matches a search, as one SQL function (people.selectors ranks by it).

A plain SQL function of one expression: PostgreSQL inlines it into the query, works out the
query's keys once at planning (opencsc_name_keys of constants), and leaves per row only array
overlaps and a trigram similarity. Built as Django expressions instead, the score cost more
Python per search than the database spent answering it.
"""

from django.db import migrations

FUNCTION = r"""
CREATE OR REPLACE FUNCTION opencsc_name_score(keys text[], name text, q_given text, q_family text, q_name text)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE WHEN keys && opencsc_name_keys(q_given, q_family, 'exact') THEN 3.0 ELSE 0.0 END)
       + (CASE WHEN keys && opencsc_name_keys(q_given, q_family, 'spelling') THEN 2.0 ELSE 0.0 END)
       + (CASE WHEN keys && opencsc_name_keys(q_given, q_family, 'sound') THEN 1.5 ELSE 0.0 END)
       + (CASE WHEN q_given <> '' AND starts_with(name, q_given || ' ') THEN 1.0 ELSE 0.0 END)
       + (CASE WHEN q_given <> '' AND keys && opencsc_name_keys(q_given, q_family, 'given') THEN 0.6 ELSE 0.0 END)
       -- The whole name's similarity breaks ties when a first name was typed; for a surname alone
       -- it would only rank short first names first, and costs the most of any part per row.
       + (CASE WHEN q_given <> '' THEN 0.5 * similarity(name, q_name) ELSE 0.0 END)
$$;
"""


class Migration(migrations.Migration):
    dependencies = [("people", "0006_name_search_keys")]
    operations = [migrations.RunSQL(FUNCTION, "DROP FUNCTION IF EXISTS opencsc_name_score(text[], text, text, text, text);")]
