"""The population groups Veikart counts by: one vocabulary for baselines, arenas and inputs.

A group is a (dimension, key) pair, e.g. ("age", "13-19"). 'unknown' is a key in every
dimension, so headcounts whose breakdown is partial still add up.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Dimension(models.TextChoices):
    AGE = "age", _("Age band")
    GENDER = "gender", _("Gender")
    BACKGROUND = "background", _("Immigrant background")


UNKNOWN = "unknown"

AGE_BANDS = [
    ("0-12", _("0–12 years")),
    ("13-19", _("13–19 years")),
    ("20-34", _("20–34 years")),
    ("35-66", _("35–66 years")),
    ("67+", _("67 years or older")),
]
GENDERS = [("female", _("Woman")), ("male", _("Man")), ("other", _("Other"))]
BACKGROUNDS = [
    ("immigrant", _("Immigrant background")),
    ("majority", _("No immigrant background")),
]

GROUPS: dict[str, list[tuple[str, object]]] = {
    Dimension.AGE: AGE_BANDS,
    Dimension.GENDER: GENDERS,
    Dimension.BACKGROUND: BACKGROUNDS,
}


def group_choices(dimension: str, *, with_unknown: bool = True) -> list[tuple[str, object]]:
    choices = list(GROUPS[dimension])
    if with_unknown:
        choices.append((UNKNOWN, _("Unknown")))
    return choices


def group_label(dimension: str, key: str) -> str:
    for k, label in group_choices(dimension):
        if k == key:
            return str(label)
    return key


def is_valid_group(dimension: str, key: str) -> bool:
    return dimension in GROUPS and any(k == key for k, _label in group_choices(dimension))
