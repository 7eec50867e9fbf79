"""The database session engine, reading a session with SQL compiled once (core.kept_queries),
and moving its expiry on at most once a minute.

Why: every signed-in request loads its session first; Django builds and compiles the same
"this key, not expired" query each time, a tenth of a small page's Python. And a session ends
SESSION_COOKIE_AGE (30 minutes) after the person's last request: Django's way to keep it alive,
SESSION_SAVE_EVERY_REQUEST, writes the session back on every request (an UPDATE inside a
savepoint: three of a page's dozen statements, and a row version a request). Here a request
writes it back only when its expiry was last moved on more than REFRESH_AFTER ago, so a session
ends between 29 and 30 minutes after the last request rather than at exactly 30. Everything else
(saving, cycling keys, the table) is Django's own engine unchanged.
"""

import datetime

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session

from core import clock, kept_queries

REFRESH_AFTER = datetime.timedelta(minutes=1)


def _unexpired(session_key, now):
    return Session.objects.filter(session_key=session_key, expire_date__gt=now)[:1]


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        # The real moment, as Django's engine reads it: a session expires in real time whatever
        # the case clock says.
        now = clock.wall_time()
        if type(self.session_key) is not str or self.get_model_class() is not Session:
            found = super()._get_session_from_db()
        else:
            found = kept_queries.fetch("core.sessions", _unexpired, session_key=self.session_key, now=now)
            found = found[0] if found else None
            if found is None:
                self._session_key = None  # as Django's engine does for a missing or expired session
        if found is not None and found.expire_date - now < self._lifetime() - REFRESH_AFTER:
            # SessionMiddleware saves a modified session, with a new expiry, after the response.
            self.modified = True
        return found

    def _lifetime(self) -> datetime.timedelta:
        return datetime.timedelta(seconds=self.get_session_cookie_age())
