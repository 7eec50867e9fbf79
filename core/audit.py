"""The audit pattern every model that holds case data follows.

`@audited()` on a model installs PostgreSQL triggers (django-pghistory) that copy every insert,
update and delete into an event table, with the signed-in user and the URL of the request
attached by `pghistory.middleware.HistoryMiddleware`. Because the triggers live in the database,
bulk updates, data migrations and edits from a shell are audited too.

    @audited()
    class Visit(models.Model): ...
"""

import pghistory


def audited(**kwargs):
    return pghistory.track(
        pghistory.InsertEvent(),
        pghistory.UpdateEvent(),
        pghistory.DeleteEvent(),
        **kwargs,
    )
