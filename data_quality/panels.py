"""The child's page: the problems panel at the top of the summary (people.record extension point)."""

from data_quality.selectors import problems_for_child
from people.record import register_summary_panel


def problems_panel(request, person):
    if not person.is_child:
        return None
    problems = problems_for_child(person)
    if not problems:
        return None
    return {"template": "data_quality/_panel.html", "section": "quality", "problems": problems}


register_summary_panel(problems_panel)
