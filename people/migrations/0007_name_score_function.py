"""How well a name matches a search, and whether it is near enough among the few people with
the date of birth typed, as SQL functions (people.selectors ranks and filters by them).

Plain SQL functions of one expression: PostgreSQL inlines them into the query, leaving per row
only array overlaps and a trigram similarity. Built as Django expressions instead, the score
cost more Python per search than the database spent answering it; and the query's keys are
given as arrays (people.selectors works them out in one query per search), since the planner
would otherwise run opencsc_name_keys for each of the score's several uses.
"""

from django.db import migrations

FUNCTION = r"""
-- exact, spelling, sound, first: the query's keys of each kind (opencsc_name_keys), worked out
-- once per search by people.selectors rather than by the planner in every use of this function.
CREATE OR REPLACE FUNCTION opencsc_name_score(keys text[], name text, q_given text, q_name text,
                                              exact text[], spelling text[], sound text[], first text[])
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE WHEN keys && exact THEN 3.0 ELSE 0.0 END)
       + (CASE WHEN keys && spelling THEN 2.0 ELSE 0.0 END)
       + (CASE WHEN keys && sound THEN 1.5 ELSE 0.0 END)
       -- The first name counts for more than the surname's spelling, so Adaeze Bello comes before
       -- every Bell with an A when "Adaeze Bell" is typed; an exact full name still beats all.
       + (CASE WHEN q_given <> '' AND starts_with(name, q_given || ' ') THEN 2.5 ELSE 0.0 END)
       + (CASE WHEN q_given <> '' AND keys && first THEN 1.5 ELSE 0.0 END)
       -- The whole name's similarity breaks ties when a first name was typed; for a surname alone
       -- it would only rank short first names first, and costs the most of any part per row.
       + (CASE WHEN q_given <> '' THEN 0.5 * similarity(name, q_name) ELSE 0.0 END)
$$;

-- Among people already narrowed to a few (by date of birth): any name key in common with the
-- surname typed (one letter out, sounding alike) or with the first name and surname, or a word
-- of the name near one typed (pg_trgm's word_similarity: "Begun" and "Begum" share 0.5; a
-- surname two letters out, or a first name typed alone).
CREATE OR REPLACE FUNCTION opencsc_name_near(keys text[], name text, q_given text, q_family text,
                                             family_keys text[], given_keys text[])
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT keys && family_keys
      OR keys && given_keys
      OR word_similarity(q_family, name) >= 0.4
      OR (q_given <> '' AND word_similarity(q_given, name) >= 0.4)
$$;
"""

DROP = """
DROP FUNCTION IF EXISTS opencsc_name_score(text[], text, text, text, text[], text[], text[], text[]);
DROP FUNCTION IF EXISTS opencsc_name_near(text[], text, text, text, text[], text[]);
"""


class Migration(migrations.Migration):
    dependencies = [("people", "0006_name_search_keys")]
    operations = [migrations.RunSQL(FUNCTION, DROP)]
