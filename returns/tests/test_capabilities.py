"""Who may run the statutory returns: every role asks for a return through the service and the
page, and is refused (PermissionDenied, the 403 page, nothing recorded) exactly when
access.capabilities says the role may not (RUN_RETURNS: QA and performance officers and senior
leaders, for the whole authority)."""

import pytest

from access.capabilities import Capability, may
from access.testing import DENIED, DONE, attempt
from returns import services
from returns.models import ReturnExport
from workforce.roles import Role


@pytest.mark.parametrize("role", list(Role))
def test_asking_for_a_return_is_refused_exactly_when_the_table_says_so(client, make_staff, team, role):
    user = make_staff(role, team=team)
    allowed = may(user, Capability.RUN_RETURNS)
    assert allowed == (role in {Role.QA_OFFICER, Role.SENIOR_LEADER})
    outcome = attempt(lambda: services.export_request(actor=user, kind="cin", year="2026"))
    assert outcome == (DONE if allowed else DENIED)
    client.force_login(user)
    assert client.get("/returns/").status_code == (200 if allowed else 403)
    if not allowed:
        assert client.post("/returns/", {"kind": "cin", "year": "2026"}).status_code == 403
        assert not ReturnExport.objects.exists()
