"""`veikart cluster IN.csv --text-column text --out OUT.csv [--embedder e5-kw|e5|tfidf]
[--concepts FILE|none]`.

Groups the rows of a UTF-8 CSV (header, an `id` column) into candidate proposals with
`veikart.analysis.cluster`, the same code the Konsolider page uses. Writes `id,cluster`
(cluster empty = ungrouped; clusters numbered from 1, largest first). `--concepts` names a
thesaurus of topics of one's own (the format of veikart/analysis/data/concepts_nb.txt; default
$VEIKART_CONCEPTS, else the shipped one), `none` clusters without one. A bad file: a one-line
error, exit status 2, nothing written.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from veikart.analysis import cluster, get_embedder
from veikart.analysis.concepts import LexiconError, load
from veikart.proposals.analysis_files import AnalysisFileError, table_read, table_write


def add_common_arguments(parser: CommandParser) -> None:
    parser.add_argument("--text-column", default="text", help="column holding the text")
    parser.add_argument("--out", required=True, help="CSV file to write")
    parser.add_argument(
        "--embedder",
        default=None,
        help="e5-kw (the default: e5 without stop words), e5 (whole text) or tfidf (no model)",
    )


class Command(BaseCommand):
    help = "Group the texts of a CSV file into candidate proposals: writes id,cluster."
    # reads and writes files only: no system checks, so a bad VEIKART_CONCEPTS or other
    # setting cannot turn a one-line error (exit 2) into a check report (exit 1)
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="UTF-8 CSV with a header and an id column")
        add_common_arguments(parser)
        parser.add_argument(
            "--concepts",
            default=None,
            help="thesaurus of topics (default: the shipped one); 'none' leaves it out",
        )

    def handle(self, *args, **options) -> None:
        column = options["text_column"]
        try:
            concepts = options["concepts"]
            lexicon = None if concepts == "none" else load(concepts)
            rows = table_read(Path(options["file"]), ["id", column])
            texts = [r[column] for r in rows]
            result = cluster(
                get_embedder(options["embedder"]).embed(texts),
                texts,
                lexicon=lexicon,
                concept_weight=0.0 if lexicon is None else None,
            )
            table_write(
                Path(options["out"]),
                ["id", "cluster"],
                [
                    [r["id"], "" if c < 0 else c + 1]
                    for r, c in zip(rows, result.labels, strict=True)
                ],
            )
        except (AnalysisFileError, LexiconError) as e:
            raise CommandError(str(e), returncode=2) from None
