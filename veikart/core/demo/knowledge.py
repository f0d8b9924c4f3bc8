"""The demo's knowledge base additions: four indicators for Borgen against Asker, three
periods each, loaded through the same JSON-stat 2 import a municipality uses for SSB's data.

The values are invented but plausible; the sources are named as a municipality would name
them (SSB, NAV, Politiet, Ungdata). Re-running updates in place, so it stays idempotent.
"""

import json

from veikart.areas.services import indicators_import_file

PERIODS = ["2013", "2015", "2017"]
AREAS = {"0220-borgen": "Borgen", "0220": "Asker kommune"}

# (code, label, unit, source, theme, {area code: [value per period]})
INDICATORS = [
    (
        "UngFornoydLokal",
        "Ungdom som er fornøyd med lokalmiljøet",
        "prosent",
        "Ungdata",
        "neighbourhood",
        {"0220-borgen": [58.0, 61.0, 67.0], "0220": [71.0, 72.0, 73.0]},
    ),
    (
        "UngeArbledige",
        "Registrerte helt ledige 16–24 år",
        "prosent",
        "NAV",
        "living_conditions",
        {"0220-borgen": [4.8, 5.2, 4.1], "0220": [2.1, 2.4, 2.0]},
    ),
    (
        "TrangbodhetBarn",
        "Barn som bor trangt",
        "prosent",
        "SSB",
        "childhood",
        {"0220-borgen": [24.0, 23.5, 22.1], "0220": [9.8, 9.5, 9.1]},
    ),
    (
        "VoldPer1000",
        "Anmeldte voldslovbrudd per 1 000 innbyggere",
        "antall",
        "Politiet",
        "neighbourhood",
        {"0220-borgen": [9.4, 8.1, 7.2], "0220": [5.0, 4.8, 4.6]},
    ),
]


def jsonstat_dataset(code, label, unit, source, values: dict[str, list[float]], theme: str) -> dict:
    """One SSB-shaped JSON-stat 2 dataset: Region × ContentsCode × Tid."""
    regions = list(values)
    return {
        "version": "2.0",
        "class": "dataset",
        "label": label,
        "source": source,
        "updated": "2018-03-01T08:00:00Z",
        "id": ["Region", "ContentsCode", "Tid"],
        "size": [len(regions), 1, len(PERIODS)],
        "role": {"geo": ["Region"], "metric": ["ContentsCode"], "time": ["Tid"]},
        "dimension": {
            "Region": {
                "label": "region",
                "category": {
                    "index": {r: i for i, r in enumerate(regions)},
                    "label": {r: AREAS[r] for r in regions},
                },
            },
            "ContentsCode": {
                "label": "statistikkvariabel",
                "category": {
                    "index": {code: 0},
                    "label": {code: label},
                    "unit": {code: {"base": unit, "decimals": 1}},
                },
            },
            "Tid": {
                "label": "år",
                "category": {"index": {p: i for i, p in enumerate(PERIODS)}},
            },
        },
        "value": [v for r in regions for v in values[r]],
        "extension": {"theme": theme},
    }


def load_knowledge(*, actor=None) -> None:
    for code, label, unit, source, theme, values in INDICATORS:
        content = json.dumps(jsonstat_dataset(code, label, unit, source, values, theme)).encode()
        indicators_import_file(
            actor=actor,
            content=content,
            fmt="jsonstat",
            label=f"demo-{code}.json",
            default_theme=theme,
        )
