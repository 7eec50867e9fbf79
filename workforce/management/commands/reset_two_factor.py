"""Remove a person's authenticator app (a lost phone), so that their next sign-in sets up a new one.

manage.py reset_two_factor hanna.kowalska
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from workforce.models import User


class Command(BaseCommand):
    help = "Remove a member of staff's authenticator app; they set up a new one at their next sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username")

    @transaction.atomic
    def handle(self, *args, username, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no account called {username!r}.")
        removed, _ = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(
            f"Removed {removed} authenticator app(s) of {username}; they set up a new one at their next sign-in."
        )
