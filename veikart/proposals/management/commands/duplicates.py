"""`veikart duplicates IN.csv --text-column text --out OUT.csv [--threshold 0.8]`.

Finds near-duplicates (typos, reordered words, copy-paste) among the rows of a UTF-8 CSV
(header, an `id` column) with `veikart.analysis.near_duplicates`, the same code the web uses.
Writes `id_a,id_b,score`, best first. A bad file: a one-line error, exit status 2, nothing written.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from veikart.analysis import get_embedder, near_duplicates
from veikart.proposals.analysis_files import AnalysisFileError, table_read, table_write
from veikart.proposals.management.commands.cluster import add_common_arguments


class Command(BaseCommand):
    help = "Find near-duplicate texts in a CSV file: writes id_a,id_b,score."
    # reads and writes files only: no system checks, so a bad VEIKART_CONCEPTS or other
    # setting cannot turn a one-line error (exit 2) into a check report (exit 1)
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="UTF-8 CSV with a header and an id column")
        add_common_arguments(parser)
        parser.add_argument("--threshold", type=float, default=None, help="0..1, default 0.8")

    def handle(self, *args, **options) -> None:
        column = options["text_column"]
        try:
            rows = table_read(Path(options["file"]), ["id", column])
            texts = [r[column] for r in rows]
            vectors = get_embedder(options["embedder"]).embed(texts)
            pairs = near_duplicates(vectors, texts, threshold=options["threshold"])
            table_write(
                Path(options["out"]),
                ["id_a", "id_b", "score"],
                [[rows[i]["id"], rows[j]["id"], f"{s:.4f}"] for i, j, s in pairs],
            )
        except AnalysisFileError as e:
            raise CommandError(str(e), returncode=2) from None
