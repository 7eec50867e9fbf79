"""manage.py dfe_feed: the DfE's daily children's social care data feed.

    python manage.py dfe_feed                       send the children whose documents changed
    python manage.py dfe_feed --full                send every child's whole document
    python manage.py dfe_feed --dry-run --out DIR   write each child's document to DIR, send nothing

A schedule calls dfe_feed.services.send_daily_feed() directly; this is the same, by hand.
"""

from django.core.management.base import BaseCommand, CommandError

from dfe_feed import services


class Command(BaseCommand):
    help = "Send the DfE's daily children's social care data feed (or write its documents with --dry-run)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="write the documents to --out; send nothing")
        parser.add_argument("--out", help="with --dry-run: the folder to write the documents to")
        parser.add_argument("--full", action="store_true", help="send every child, not only the changed")

    def handle(self, *args, dry_run, out, full, **options):
        if dry_run:
            if not out:
                raise CommandError("Give the folder to write the documents to: --out DIR")
            try:
                count = services.write_documents(out)
            except OSError as error:
                raise CommandError(f"Cannot write to {out}: {error.strerror or error}") from None
            self.stdout.write(f"{count} documents written to {out}; nothing sent")
            return
        run = services.send_daily_feed(full=full)
        self.stdout.write(
            f"Cohort {run.cohort}; sent {run.sent}: {run.accepted} accepted, {run.rejected} refused, "
            f"{run.failed} not delivered"
        )
        if run.error:
            raise CommandError(run.error)
