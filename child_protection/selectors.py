"""Reads for child protection, on a child already fetched and authorised."""

from child_protection.models import ChildProtectionPlan, Section47Enquiry, StrategyDiscussion


def strategy_discussion_for_child(child, discussion_id) -> StrategyDiscussion | None:
    return StrategyDiscussion.objects.filter(child=child, pk=discussion_id).first()


def enquiry_for_child(child, enquiry_id) -> Section47Enquiry | None:
    return Section47Enquiry.objects.filter(child=child, pk=enquiry_id).select_related("strategy_discussion").first()


def plan_for_child(child, plan_id) -> ChildProtectionPlan | None:
    return ChildProtectionPlan.objects.filter(child=child, pk=plan_id).first()
