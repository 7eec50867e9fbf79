"""The admin is for configuration only (workforce/admin.py): procrastinate's own job list, with
each job's arguments (an export's id, a pack's id) and its errors, is operations' business, read
from the logs, `/metrics` and the Returns page, not browsed or edited by administrators."""

from django.contrib import admin
from procrastinate.contrib.django.models import ProcrastinateJob

admin.site.unregister(ProcrastinateJob)
