"""The corporate parenting board pack's figures as a background job (jobs/, procrastinate), like
the returns' exports: queued in the transaction that records the request, tried again if it
fails, and marked failed with a reason if its worker dies too often or it runs past its limit."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from procrastinate.contrib.django import app

from jobs.registry import declare, retry_strategy
from performance import services

TASK = services.BOARD_PACK_TASK
RETRIES = 1


@app.task(name=TASK, queue="exports", retry=retry_strategy(RETRIES, settings.JOBS_RETRY_WAIT_SECONDS))
def build_board_pack(pack_id: int) -> None:
    services.board_pack_build(pack_id)


declare(
    TASK,
    time_limit=timedelta(minutes=30),
    retries=RETRIES,
    on_failed=lambda args, message: services.board_pack_given_up(args["pack_id"], message),
)
