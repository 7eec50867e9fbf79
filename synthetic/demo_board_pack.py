"""The demo's corporate parenting board pack: last quarter's, issued by the QA officer with a
narrative per section, so the board pack page has one to open and download on `make run`."""

from __future__ import annotations

NARRATIVES = {
    "in_care": "The number of children in care is steady. Social worker changes remain the board's concern.",
    "stability": "Most children stay in the same home; three moves in a year are reviewed by the service manager.",
    "health_education": "Health assessments are mostly in time; dental checks lag after the practice closures.",
    "missing": "Every return interview is offered; those not held within 72 hours are followed up by the team.",
    "reviews": "Reviews are held in time; the IRO service reports better participation by children.",
    "care_leavers": "More care leavers aged 19 to 21 are in education, employment or training than a year ago.",
}


def load_demo_board_pack(staff: dict):
    from django.conf import settings

    from core import clock
    from performance import services
    from performance.board_pack import quarter_ends
    from performance.models import BoardPack

    if BoardPack.objects.exists():
        return None
    author = staff["qa.rahman"]
    quarter_end = quarter_ends(clock.today())[0]
    # Built in this process (not the page's background thread): the demo loads in one transaction.
    pack = BoardPack.objects.create(quarter_end=quarter_end, created_by=author, created_at=clock.now())
    pack = services.board_pack_build(pack.pk)
    services.board_pack_narratives_save(actor=author, pack=pack, narratives=NARRATIVES)
    return services.board_pack_issue(actor=author, pack=pack, council=settings.COUNCIL_NAME)
