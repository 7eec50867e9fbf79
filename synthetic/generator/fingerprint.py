"""A fingerprint of the generated data: a hash of every generated child's journey rows, without
database ids or insert timestamps (which differ between runs), so two runs can be compared."""

import hashlib

from django.db import connection

# (table, columns, join to the child): each row is hashed by its content only.
TABLES = [
    ("people_person", "la_id, given_name, family_name, date_of_birth, sex, ethnicity, nhs_number, upn", "la_id"),
    ("front_door_contact", "received_at, source, decision, decided_at", "child_id"),
    ("front_door_referral", "received_at, referral_date, is_re_referral, next_step", "child_id"),
    ("children_in_need_cinepisode", "start_date, end_date, closure_reason, primary_need", "child_id"),
    ("assessments_assessment", "start_date, authorised_on, status, factors, outcome", "child_id"),
    ("child_protection_childprotectionplan", "start_date, end_date, initial_category", "child_id"),
    ("looked_after_episode", "start_date, end_date, legal_status, reason_new_episode, reason_ceased", "child_id"),
    ("looked_after_placement", "start_date, end_date, placement_type, provider, postcode, local_authority", "child_id"),
    ("casework_visit", "visited_at, visit_type, child_seen, seen_alone", "child_id"),
    ("casework_casenote", "occurred_at, note_type, subject", "child_id"),
    ("casework_chronologyevent", "event_type, occurred_at, data::text", "child_id"),
]


def fingerprint() -> str:
    digest = hashlib.sha256()
    with connection.cursor() as cursor:
        for table, columns, key in TABLES:
            if key == "la_id":
                sql = f"SELECT {columns} FROM {table} WHERE la_id LIKE 'G%%' ORDER BY la_id"
            else:
                sql = (
                    f"SELECT p.la_id, {', '.join('t.' + c.strip() for c in columns.split(','))} FROM {table} t "
                    f"JOIN people_person p ON p.id = t.{key} WHERE p.la_id LIKE 'G%%' ORDER BY 1, 2, 3, 4"
                )
            cursor.execute(sql)
            for row in cursor.fetchall():
                digest.update(repr(row).encode())
    return digest.hexdigest()
