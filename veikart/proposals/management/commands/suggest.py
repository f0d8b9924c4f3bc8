"""`veikart suggest --train TRAIN.csv --label-column LABEL --predict IN.csv --text-column text
--out OUT.csv`.

Learns a label (a focus area, a realiser, …) from the labelled rows of TRAIN.csv with
`veikart.analysis.Suggester` (embedding vectors), the same code the web uses, and suggests one
for each row of IN.csv with a confidence 0..1. Writes `id,label,confidence`. If every label is
a realiser (municipality, residents, partnership), the wording cues are read too and the
built-in realiser model is blended in, as in the web. With `--group-column G`, the rows of
IN.csv sharing a non-empty G (e.g. a cluster) get one suggestion together, from the mean of
their probabilities, as in the web; otherwise each row is read alone. Training rows with an
empty label are skipped. A bad file: a one-line error, exit status 2, nothing written.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from veikart.analysis import Suggester, are_realisers, builtin_prior, get_embedder
from veikart.proposals.analysis_files import AnalysisFileError, table_read, table_write
from veikart.proposals.management.commands.cluster import add_common_arguments


class Command(BaseCommand):
    help = "Suggest a label for each text, learnt from labelled texts: writes id,label,confidence."
    # reads and writes files only: no system checks, so a bad VEIKART_CONCEPTS or other
    # setting cannot turn a one-line error (exit 2) into a check report (exit 1)
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--train", required=True, help="UTF-8 CSV with labelled texts")
        parser.add_argument("--label-column", required=True, help="column of TRAIN with labels")
        parser.add_argument("--predict", required=True, help="UTF-8 CSV with texts to label")
        parser.add_argument(
            "--group-column",
            default="",
            help="optional column of IN: rows with the same value get one suggestion together",
        )
        add_common_arguments(parser)

    def handle(self, *args, **options) -> None:
        column, label_column = options["text_column"], options["label_column"]
        try:
            train_path = Path(options["train"])
            train = table_read(train_path, ["id", column, label_column])
            train = [r for r in train if r[label_column]]
            if not train:
                raise AnalysisFileError(
                    _("%(file)s: no row has a label in %(column)s.")
                    % {"file": train_path, "column": label_column}
                )
            group_column = options["group_column"]
            rows = table_read(
                Path(options["predict"]), ["id", column] + ([group_column] if group_column else [])
            )
            embedder = get_embedder(options["embedder"])
            train_texts = [r[column] for r in train]
            texts = [r[column] for r in rows]
            labels = [r[label_column] for r in train]
            cues = train_texts if are_realisers(labels) else None
            suggester = Suggester().fit(embedder.embed(train_texts), labels, cues)
            groups = None
            if group_column:
                groups = [
                    (1, r[group_column]) if r[group_column] else (0, k) for k, r in enumerate(rows)
                ]
            prior = builtin_prior(texts, suggester.classes_)
            predicted = suggester.predict(embedder.embed(texts), texts, groups=groups, prior=prior)
            table_write(
                Path(options["out"]),
                ["id", "label", "confidence"],
                [
                    [r["id"], label, f"{c:.4f}"]
                    for r, (label, c) in zip(rows, predicted, strict=True)
                ],
            )
        except AnalysisFileError as e:
            raise CommandError(str(e), returncode=2) from None
