from django.core.management.base import BaseCommand, CommandError

from synthetic import demo


class Command(BaseCommand):
    help = "Load the small demo authority (idempotent) and print the demo sign-ins."

    def handle(self, *args, **options):
        try:
            created = demo.load_demo()
        except RuntimeError as error:
            raise CommandError(str(error)) from None
        self.stdout.write("Demo data loaded." if created else "Demo data already present; nothing changed.")
        self.stdout.write("")
        self.stdout.write(f"Demo sign-ins (password for all: {demo.DEMO_PASSWORD}):")
        for person in demo.sign_ins():
            from workforce.roles import Role

            self.stdout.write(f"  {Role(person.role).label:<32} {person.username}")
