"""The database session engine, reading a session with SQL compiled once (core.kept_queries).

Why: every signed-in request loads its session first; Django builds and compiles the same
"this key, not expired" query each time, a tenth of a small page's Python. Everything else
(saving, cycling keys, expiry, the table) is Django's own engine unchanged.
"""

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session

from core import clock, kept_queries


def _unexpired(session_key, now):
    return Session.objects.filter(session_key=session_key, expire_date__gt=now)[:1]


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        if type(self.session_key) is not str or self.get_model_class() is not Session:
            return super()._get_session_from_db()
        # The real moment, as Django's engine reads it: a session expires in real time whatever
        # the case clock says.
        found = kept_queries.fetch("core.sessions", _unexpired, session_key=self.session_key, now=clock.wall_time())
        if found:
            return found[0]
        self._session_key = None  # as Django's engine does for a missing or expired session
        return None
