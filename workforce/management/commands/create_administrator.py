"""Create a system administrator: how the first one is made on a fresh deployment.

    manage.py create_administrator --username hanna.kowalska --first-name Hanna --last-name Kowalska

Asks for the password twice (it is never passed on the command line, where it would stay in
the shell's history). The account gets the configuration admin and nothing more: an
administrator is not a superuser and does not read children's records.
"""

import getpass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from workforce.models import User
from workforce.roles import Role
from workforce.services import staff_create


class Command(BaseCommand):
    help = "Create a system administrator (configuration only; not a superuser)."

    def add_arguments(self, parser):
        parser.add_argument("--username", required=True)
        parser.add_argument("--first-name", required=True)
        parser.add_argument("--last-name", required=True)

    def handle(self, *args, username, first_name, last_name, **options):
        if User.objects.filter(username=username).exists():
            raise CommandError(f"There is already an account with the username {username}")
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The passwords do not match")
        candidate = User(username=username, first_name=first_name, last_name=last_name)
        try:
            validate_password(password, candidate)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        staff_create(
            username=username, first_name=first_name, last_name=last_name, role=Role.SYSTEM_ADMIN, password=password
        )
        self.stdout.write(self.style.SUCCESS(f"{username} can now sign in as a system administrator."))
