"""`veikart opinion-groups VOTES.csv --out OUT.csv [--comments COMMENTS.csv | --no-comments]`.

Reads a Pol.is `participants-votes.csv` export and writes `participant,group` (group empty for
participants left out: fewer than 7 votes). The export's own `group-id` and other non-comment
columns are ignored. Comments Pol.is's moderators took out count as a pass by everyone, as in
Pol.is: they are read from `comments.csv` (`--comments`, or the one beside VOTES.csv), or,
without it, inferred (comments almost nobody voted on; see veikart/analysis/polis.py).

A bad file: a one-line error on stderr, exit status 2, and no output file.
"""

import csv
import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from veikart.analysis import opinion, polis


class Command(BaseCommand):
    help = "Group the participants of a Pol.is participants-votes.csv export into opinion groups."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("votes", help="Pol.is participants-votes.csv")
        parser.add_argument("--out", required=True, help="where to write participant,group")
        parser.add_argument(
            "--comments", help="Pol.is comments.csv (default: comments.csv beside VOTES.csv)"
        )
        parser.add_argument(
            "--no-comments",
            action="store_true",
            help="ignore comments.csv; infer moderated-out comments from the votes",
        )
        parser.add_argument("--random-state", type=int, default=0)

    def handle(self, *args, **options) -> None:
        votes_path = Path(options["votes"])
        out = Path(options["out"])
        try:
            data = polis.read_participant_votes(votes_path)
            moderated_out = None
            if options["comments"] and not options["no_comments"]:
                moderated_out = polis.read_moderated_out(options["comments"])
        except polis.PolisFileError as e:
            raise CommandError(str(e), returncode=2) from None
        beside = votes_path.parent / "comments.csv"
        if moderated_out is None and not options["no_comments"] and beside.is_file():
            try:  # found, not asked for: if it cannot be read, infer instead of failing
                moderated_out = polis.read_moderated_out(beside)
            except polis.PolisFileError:
                moderated_out = None
        if moderated_out is None:
            moderated_out = polis.infer_moderated_out(data.matrix, data.items)
        if out.is_dir():
            raise CommandError(f"{out}: is a folder; give a file name for --out", returncode=2)
        if not out.parent.is_dir():
            raise CommandError(f"{out}: the folder {out.parent} does not exist", returncode=2)
        result = opinion.analyse(
            data.matrix,
            participants=data.participants,
            items=data.items,
            moderated_out=moderated_out & set(data.items),
            random_state=options["random_state"],
        )
        # write to a temporary file beside OUT and rename: never a half-written file
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".opinion-", suffix=".csv")
        try:
            with os.fdopen(fd, "w", newline="", encoding="utf-8") as f:
                writer = csv.writer(f)
                writer.writerow(["participant", "group"])
                for name in data.participants:
                    group = result.groups[name]
                    writer.writerow([name, "" if group is None else group])
            os.replace(tmp, out)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self.stdout.write(
            f"{len(data.participants)} participants, {len(data.items)} comments: "
            f"{sum(result.group_sizes)} in {result.k} groups "
            f"({', '.join(map(str, result.group_sizes))}) → {out}"
        )
