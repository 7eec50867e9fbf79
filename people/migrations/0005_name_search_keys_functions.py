"""The SQL functions behind name search's keys (people.search_keys).

A name is found through keys in one GIN index, so that a lookup reads only the people whose
name is near the one typed, however common their surname:
- every spelling of a surname part one letter shorter ('smith' -> 'mith', 'sith', 'smth', ...),
  so a name one wrong, missing, doubled or swapped letter away shares a key with the right one
  (the "deletion neighbourhood": 'smiht' and 'smith' both give 'smit');
- its double metaphone codes (sounds alike: Phillips and Filips, Smyth and Smith);
- each of those again behind the first name's sound ('JN0N|smit'), so a search with a first
  name looks up only the people with both, not every Smith.
Surnames are split into their parts (hyphenated and double-barrelled: each part finds the
person), lower-cased, stripped of apostrophes and other marks, and Mac is read as Mc.
IMMUTABLE, so they can compute a stored generated column, and PostgreSQL works out a query's
keys once, at planning. A stored generated column is not recomputed when its function changes:
a migration that changes opencsc_name_keys must also rewrite the column (for example
UPDATE people_person SET family_name = family_name, and the same for people_personname).
"""

from django.db import migrations

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION opencsc_surname_parts(family text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT CASE WHEN p LIKE 'mac%' AND length(p) > 5 THEN 'mc' || substr(p, 4) ELSE p END), '{}')
  FROM regexp_split_to_table(regexp_replace(lower(coalesce(family, '')), '[^[:alpha:][:space:]-]', '', 'g'), '[[:space:]-]+') AS p
  WHERE p <> ''
$$;

CREATE OR REPLACE FUNCTION opencsc_spellings(part text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  -- The part and, for four letters or more, each spelling with one letter left out (shorter
  -- parts would share a key with too many others: 'li' and 'le' both give 'l').
  SELECT array_agg(DISTINCT s) FROM (
    SELECT part AS s
    UNION ALL
    SELECT overlay(part PLACING '' FROM i FOR 1) FROM generate_series(1, length(part)) AS i WHERE length(part) >= 4
  ) AS t
$$;

CREATE OR REPLACE FUNCTION opencsc_first_name(given text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(lower(split_part(btrim(coalesce(given, '')), ' ', 1)), '[^[:alpha:]]', '', 'g')
$$;

-- kind: 'stored' (every key of a person's name, for the index), or the keys of a query:
-- 'given' (the lookup when a first name is typed), 'family' (surname only), 'exact',
-- 'spelling', 'sound' and 'first' (a first name sounding the same: the parts of the score).
CREATE OR REPLACE FUNCTION opencsc_name_keys(given text, family text, kind text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  first text := opencsc_first_name(given);
  gk text := CASE WHEN first = '' THEN '' ELSE coalesce(dmetaphone(first), '') END;
  gi text := left(first, 1);
  keys text[] := '{}';
  part text;
  spelling text;
  sound text;
BEGIN
  FOREACH part IN ARRAY opencsc_surname_parts(family) LOOP
    IF kind IN ('stored', 'exact') THEN
      keys := keys || ('=' || part);
    END IF;
    IF kind IN ('stored', 'given') AND gi <> '' THEN
      keys := keys || (gi || '=' || part);
    END IF;
    -- An Mc name is spelt both ways, and a slip can fall across the prefix ("MaIcnerney" for
    -- MacInerney): the Mac spelling's keys too.
    FOREACH spelling IN ARRAY opencsc_spellings(part)
        || CASE WHEN part LIKE 'mc%' THEN opencsc_spellings('mac' || substr(part, 3)) ELSE '{}'::text[] END LOOP
      IF kind IN ('stored', 'family', 'spelling') THEN
        keys := keys || ('|' || spelling);
      END IF;
      IF kind IN ('stored', 'given', 'first') AND gk <> '' THEN
        keys := keys || (gk || '|' || spelling);
      END IF;
    END LOOP;
    FOREACH sound IN ARRAY ARRAY[dmetaphone(part), dmetaphone_alt(part)] LOOP
      IF coalesce(sound, '') <> '' THEN
        IF kind IN ('stored', 'family', 'sound') THEN
          keys := keys || ('#' || sound);
        END IF;
        IF kind IN ('stored', 'given', 'first') AND gk <> '' THEN
          keys := keys || (gk || '#' || sound);
        END IF;
      END IF;
    END LOOP;
  END LOOP;
  RETURN ARRAY(SELECT DISTINCT k FROM unnest(keys) AS k ORDER BY k);
END
$$;
"""

DROP = """
DROP FUNCTION IF EXISTS opencsc_name_keys(text, text, text);
DROP FUNCTION IF EXISTS opencsc_first_name(text);
DROP FUNCTION IF EXISTS opencsc_spellings(text);
DROP FUNCTION IF EXISTS opencsc_surname_parts(text);
"""


class Migration(migrations.Migration):
    dependencies = [("people", "0004_alter_person_disabilities_alter_person_ethnicity_and_more")]
    operations = [migrations.RunSQL(FUNCTIONS, DROP)]
