import sys

from django.core.management.base import BaseCommand, CommandError

from veikart.core.seed import SeedError, seed_large


class Command(BaseCommand):
    help = "Build a large invented data set for benchmarks (one process; all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("--inputs", type=int, default=100_000)
        parser.add_argument("--proposals", type=int, default=10_000)
        parser.add_argument("--supports", type=int, default=1_000_000)
        parser.add_argument("--slug", default="stor")

    def handle(self, *args, inputs, proposals, supports, slug, **options) -> None:
        def progress(kind: str, done: int) -> None:
            if options["verbosity"] > 0:
                sys.stderr.write(f"\r{kind}: {done:,}   ")

        try:
            result = seed_large(
                slug=slug, inputs=inputs, proposals=proposals, supports=supports, progress=progress
            )
        except SeedError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        sys.stderr.write("\n")
        self.stdout.write(
            f"Seeded /p/{slug}/: {inputs:,} inputs, {proposals:,} proposals, "
            f"{supports:,} supports in {result['seconds']:.1f} s."
        )
