import sys

from django.core.management.base import BaseCommand, CommandError

from synthetic.generator import SIZES, generate


class Command(BaseCommand):
    help = "Generate a synthetic local authority (teams, staff, children's journeys) in the database."

    def add_arguments(self, parser):
        parser.add_argument("--size", default="small", help=f"one of {', '.join(SIZES)}")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--faults", type=int, default=0, help="how many known data problems to add")

    def handle(self, *args, size, seed, faults, **options):
        try:
            result = generate(
                size=size,
                seed=seed,
                faults=faults,
                progress=(lambda m: self.stderr.write(m)) if options["verbosity"] > 1 else None,
            )
        except ValueError as error:
            raise CommandError(str(error)) from None
        if not result.created:
            self.stdout.write(f"The {size} authority for seed {seed} is already there; nothing changed.")
            return
        self.stdout.write(f"Generated the {size} authority (seed {seed}) in {result.seconds:.0f} s:")
        for label, n in sorted(result.counts.items()):
            self.stdout.write(f"  {label:<36} {n:>10,}")
        if result.manifest:
            self.stdout.write(f"Faults ({len(result.manifest)}):")
            for fault_id, la_id in result.manifest:
                self.stdout.write(f"  {la_id}  {fault_id}")
        sys.stdout.flush()
