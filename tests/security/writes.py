"""Which capability each URL that accepts POST needs (access.capabilities), keyed by URL name.

A URL that accepts POST and is missing here fails the write sweep: whoever adds a form decides
who may send it. None means "a POST here records nothing" (a search form, the sign-in page).
"""

from access.capabilities import Capability as C

BY_NAME = {
    "people:search": None,
    "people:child_new": C.ADD_CHILD,
    "people:merge": C.MERGE_RECORDS,
    "people:details": C.EDIT_PERSON,
    "people:family_member_new": C.EDIT_PERSON,
    "people:family_member_link": C.EDIT_PERSON,
    "people:professional_new": C.EDIT_PERSON,
    "people:other_name_new": C.EDIT_PERSON,
    "people:address_new": C.EDIT_PERSON,
    "people:warning_new": C.EDIT_PERSON,
    "people:warning_end": C.EDIT_PERSON,
    "people:restricted_access": C.MANAGE_ACCESS,
    "access:manage": C.MANAGE_ACCESS,
    "access:break_glass": C.ADMINISTER_SYSTEM,
    "workforce:lockouts": C.ADMINISTER_SYSTEM,
    "casework:visit_new": C.RECORD_CASEWORK,
    "casework:note_new": C.RECORD_CASEWORK,
    "casework:allocation": C.ALLOCATE,
    "front_door:contact_new": C.RECORD_FRONT_DOOR,
    "front_door:contact_decide": C.RECORD_FRONT_DOOR,
    "front_door:referral_new": C.RECORD_FRONT_DOOR,
    "front_door:referral_decide": C.RECORD_FRONT_DOOR,
    "assessments:new": C.RECORD_HELP_AND_PROTECTION,
    "assessments:edit": C.RECORD_HELP_AND_PROTECTION,
    "assessments:authorise": C.AUTHORISE_ASSESSMENT,
    "child_protection:strategy_discussion_new": C.RECORD_HELP_AND_PROTECTION,
    "child_protection:section47_new": C.RECORD_HELP_AND_PROTECTION,
    "child_protection:section47_conclude": C.RECORD_HELP_AND_PROTECTION,
    "child_protection:initial_conference_new": C.CHAIR_CONFERENCE,
    "child_protection:transfer_in_conference_new": C.CHAIR_CONFERENCE,
    "child_protection:review_conference_new": C.CHAIR_CONFERENCE,
    "child_protection:core_group_new": C.RECORD_HELP_AND_PROTECTION,
    "child_protection:plan_end": C.RECORD_HELP_AND_PROTECTION,
    "children_in_need:cin_plan_new": C.RECORD_HELP_AND_PROTECTION,
    "children_in_need:cin_plan_review_new": C.RECORD_HELP_AND_PROTECTION,
    "children_in_need:cin_plan_end": C.RECORD_HELP_AND_PROTECTION,
    "children_in_need:episode_close": C.RECORD_HELP_AND_PROTECTION,
    "permanence:meeting_new": C.RECORD_PERMANENCE,
    "permanence:decision_new": C.RECORD_PERMANENCE,
    "permanence:decision_reverse": C.RECORD_PERMANENCE,
    "permanence:step_new": C.RECORD_PERMANENCE,
    "permanence:match_new": C.RECORD_PERMANENCE,
    "permanence:placement_new": C.RECORD_PERMANENCE,
    "permanence:review_new": C.RECORD_PERMANENCE,
    "permanence:placement_end": C.RECORD_PERMANENCE,
    "permanence:order_new": C.RECORD_PERMANENCE,
    "permanence:order_revoke": C.RECORD_PERMANENCE,
    "permanence:proceedings_new": C.RECORD_PERMANENCE,
    "permanence:proceedings_extend": C.RECORD_PERMANENCE,
    "permanence:proceedings_conclude": C.RECORD_PERMANENCE,
    "permanence:previous_new": C.RECORD_PERMANENCE,
    "care_leavers:start": C.RECORD_CARE_LEAVING,
    "care_leavers:category": C.RECORD_CARE_LEAVING,
    "care_leavers:adviser": C.RECORD_CARE_LEAVING,
    "care_leavers:needs_assessment_new": C.RECORD_CARE_LEAVING,
    "care_leavers:pathway_plan_new": C.RECORD_CARE_LEAVING,
    "care_leavers:pathway_plan_review_new": C.RECORD_CARE_LEAVING,
    "care_leavers:contact_new": C.RECORD_CARE_LEAVING,
    "care_leavers:end": C.RECORD_CARE_LEAVING,
    "private_fostering:notification_new": C.RECORD_PRIVATE_FOSTERING,
    "private_fostering:start": C.RECORD_PRIVATE_FOSTERING,
    "private_fostering:end": C.RECORD_PRIVATE_FOSTERING,
    "looked_after:period_start": C.RECORD_LOOKED_AFTER,
    "looked_after:placement_change": C.RECORD_LOOKED_AFTER,
    "looked_after:legal_status_change": C.RECORD_LOOKED_AFTER,
    "looked_after:period_end": C.RECORD_LOOKED_AFTER,
    "looked_after:episode_correct": C.RECORD_LOOKED_AFTER,
    "looked_after:placement_correct": C.RECORD_LOOKED_AFTER,
    "looked_after:period_end_correct": C.RECORD_LOOKED_AFTER,
    "looked_after:uasc": C.RECORD_LOOKED_AFTER,
    "looked_after:pwp_agreement": C.RECORD_LOOKED_AFTER,
    "looked_after:iro_assign": C.RECORD_LOOKED_AFTER,
    "looked_after:iro_contact_new": C.CHAIR_REVIEW,
    "looked_after:care_plan_new": C.RECORD_LOOKED_AFTER,
    "looked_after:review_new": C.CHAIR_REVIEW,
    "looked_after:review_action_new": C.CHAIR_REVIEW,
    "looked_after:review_action_done": C.CHAIR_REVIEW,
    "looked_after:health_check_new": C.RECORD_LOOKED_AFTER,
    "looked_after:immunisation_new": C.RECORD_LOOKED_AFTER,
    "looked_after:sdq_new": C.RECORD_LOOKED_AFTER,
    "looked_after:substance_misuse_new": C.RECORD_LOOKED_AFTER,
    "looked_after:conviction_new": C.RECORD_LOOKED_AFTER,
    "looked_after:pep_new": C.RECORD_LOOKED_AFTER,
    "looked_after:school_change": C.RECORD_LOOKED_AFTER,
    "looked_after:missing_new": C.RECORD_LOOKED_AFTER,
    "looked_after:missing_return": C.RECORD_LOOKED_AFTER,
    "looked_after:return_interview_new": C.RECORD_LOOKED_AFTER,
    "allegations:new": C.RECORD_ALLEGATION,
    "allegations:child_add": C.RECORD_ALLEGATION,
    "allegations:meeting_new": C.RECORD_ALLEGATION,
    "allegations:outcome": C.RECORD_ALLEGATION,
    "allegations:close": C.RECORD_ALLEGATION,
    "returns:home": C.RUN_RETURNS,
    "supervision:new": C.RECORD_SUPERVISION,
    "supervision:action_new": C.RECORD_SUPERVISION,
    "supervision:case_discussion_new": C.RECORD_SUPERVISION,
    "supervision:sign": C.RECORD_SUPERVISION,
    "supervision:countersign": C.SIGN_SUPERVISION,
    "supervision:action_done": C.SIGN_SUPERVISION,
    "supervision_record:action_done": C.COMPLETE_SUPERVISION_ACTION,
    "oversight:oversight_new": C.RECORD_OVERSIGHT,
    "oversight:challenge_new": C.RAISE_CHALLENGE,
    "oversight:challenge_respond": C.RESPOND_TO_CHALLENGE,
    "oversight:challenge_escalate": C.RAISE_CHALLENGE,
    "oversight:challenge_close": C.RAISE_CHALLENGE,
    "oversight:good_practice_new": C.RAISE_CHALLENGE,
    "staff:starter_new": C.MANAGE_STAFF,
    "staff:profile_edit": C.MANAGE_STAFF,
    "staff:leaver": C.MANAGE_STAFF,
    "staff:induction_done": C.RECORD_INDUCTION,
    "staff:attendance_new": C.RECORD_TRAINING,
}

# Pages that show one thing and only read, though they do not refuse a POST: a POST must write nothing.
READ_ONLY_PAGES = {
    "home", "my_work", "my_team", "reviews_home", "performance_home", "administration_home", "lado_home",
    "personal_adviser_home", "private_fostering_home", "people:summary", "people:family", "people:viewed",
    "casework:visits", "casework:visit", "casework:notes", "casework:note", "casework:document",
    "casework:chronology", "casework:chronology_print", "children_in_need:journey", "permanence:record",
    "care_leavers:record", "private_fostering:record", "allegations_record:for_child", "looked_after:record",
    "looked_after:review", "looked_after:missing", "data_quality_record:record", "front_door_queue:queue",
    "assessments_queue:queue", "permanence_tracker:decisions", "looked_after_trackers:placed_with_parents",
    "data_quality:dashboard", "data_quality:children", "assessments:detail", "allegations:detail",
    "returns:detail", "returns:progress", "returns:download", "access:break_glass_log",
    "supervision:list", "supervision:detail", "supervision:export", "supervision_record:record",
    "oversight:record", "oversight:challenge", "oversight_pages:team", "oversight_pages:challenges",
    "oversight_pages:report", "oversight_pages:report_list",
    "performance:dashboard", "performance:indicator", "performance:children", "performance:children_csv",
}

_UNKNOWN = object()


def capability_for(name: str):
    """The capability a POST to `name` needs, None when it must write nothing, or _UNKNOWN."""
    if name in BY_NAME:
        return BY_NAME[name]
    if name in READ_ONLY_PAGES:
        return None
    return _UNKNOWN


def is_known(name: str) -> bool:
    return capability_for(name) is not _UNKNOWN


# Whether a capability is about one child (checked with the child) or not (child=None).
NOT_ABOUT_A_CHILD = {C.ADD_CHILD, C.MERGE_RECORDS, C.RECORD_ALLEGATION, C.RUN_RETURNS, C.RECORD_SUPERVISION,
                     C.SIGN_SUPERVISION, C.MANAGE_STAFF, C.RECORD_INDUCTION, C.RECORD_TRAINING}
