"""Load the Borgen demo: `veikart demo`. Idempotent, deterministic, one transaction.

All content is invented (see content.py); the totals match the Borgen project: 783
participants and 458 inputs across the seed's arenas, a Veikart whose realiser shares are
25 % / 40 % / 35 %, and a plan with one main goal, 4 focus areas and 203 measures, adopted by
the municipal council on 8 November 2016.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum

from veikart.accounts.models import Role, User
from veikart.areas.models import Area, Indicator, IndicatorValue, PopulationCount
from veikart.core.demo import content as C
from veikart.core.demo import tracking as tracking_demo
from veikart.core.demo.knowledge import load_knowledge
from veikart.core.demo.map import load_map_demo
from veikart.core.demo.opinion import load_opinion_demo
from veikart.core.demo.plan import plan_history_load
from veikart.core.demo.workshop import load_workshop_demo
from veikart.core.groups import UNKNOWN, Dimension
from veikart.core.services import audit_log_write
from veikart.inputs.models import Input, InputSource, InputStatus
from veikart.inputs.services import RECEIPT_ALPHABET
from veikart.plans.models import (
    Decision,
    Goal,
    Measure,
    MeasureProposal,
    MeasureStatus,
    Plan,
    PlanStatus,
    Strategy,
)
from veikart.processes.models import (
    Arena,
    ArenaParticipation,
    CocreationForm,
    FocusArea,
    Phase,
    PhaseKind,
    Process,
)
from veikart.processes.services import method_from_catalogue
from veikart.proposals.models import (
    Actor,
    ActorRole,
    Proposal,
    ProposalActor,
    ProposalInput,
    ProposalStatus,
    Realiser,
)
from veikart.proposals.search import search_stems
from veikart.tracking.models import Committee, CommitteeMember, MeasureUpdate

SLUG = "borgenprosjektet"
PASSWORD = "veikart-demo"  # noqa: S105 - the demo password the README gives  # nosec B105
MAIN_GOAL = "Borgen er et aktivt, åpent og inkluderende lokalsamfunn"
ADOPTED_ON = datetime.date(2016, 11, 8)
MEASURES = 203
PROPOSALS = {Realiser.MUNICIPALITY: 35, Realiser.RESIDENTS: 56, Realiser.PARTNERSHIP: 49}

# (method slug, title, date, participants, inputs, place, target groups, profile)
ARENAS = [
    (
        "naermiljokonferanse",
        "Nærmiljøkonferanse 1",
        "2016-01-23",
        139,
        70,
        "Borgen skole",
        "Alle innbyggere",
        "mixed",
    ),
    (
        "erfaringskonferanse",
        "Erfaringskonferanse for ansatte",
        "2016-02-04",
        59,
        40,
        "Rådhuset",
        "Ansatte i tjenestene",
        "staff",
    ),
    (
        "apen-naermiljosentral",
        "Åpen nærmiljøsentral",
        "2016-02-16",
        4,
        6,
        "Nærmiljøsentralen",
        "Alle",
        "mixed",
    ),
    (
        "facebook",
        "Facebook-siden «Med hjerte for Borgen»",
        "2016-03-01",
        16,
        20,
        "På nett",
        "Alle",
        "mixed",
    ),
    (
        "barnetrakk",
        "Barnetråkk på Borgen skole",
        "2016-03-09",
        42,
        42,
        "Borgen skole",
        "Elever 5.–7. trinn",
        "children",
    ),
    (
        "virksomhetsledere",
        "Samling med virksomhetsledere",
        "2016-03-15",
        5,
        8,
        "Rådhuset",
        "Ledere i kommunale virksomheter",
        "staff",
    ),
    (
        "trossamfunn-konferanse",
        "Konferanse arrangert av et trossamfunn",
        "2016-04-02",
        70,
        30,
        "Forsamlingslokalet",
        "Somalisktalende familier",
        "immigrant",
    ),
    (
        "intervju",
        "Intervjuer på helsestasjonen",
        "2016-04-12",
        10,
        13,
        "Helsestasjonen",
        "Mødre med innvandrerbakgrunn",
        "mothers",
    ),
    (
        "ad-hoc-utvalg",
        "Ad hoc-utvalg med politikere",
        "2016-02-25",
        8,
        0,
        "Rådhuset",
        "Folkevalgte",
        "staff",
    ),
    (
        "ad-hoc-utvalg",
        "Ad hoc-utvalgets dialoger med sju grupper",
        "2016-04-20",
        35,
        15,
        "Flere steder",
        "Lag, foreninger og beboergrupper",
        "mixed",
    ),
    (
        "enkeltinnbyggere",
        "Møter med enkeltinnbyggere og henvendelser",
        "2016-05-10",
        14,
        14,
        "Nærmiljøsentralen",
        "Alle",
        "mixed",
    ),
    (
        "naermiljokonferanse",
        "Nærmiljøkonferanse 2",
        "2016-05-21",
        100,
        55,
        "Borgen skole",
        "Alle innbyggere",
        "mixed",
    ),
    (
        "veikartverksted",
        "Veikartverksted",
        "2016-06-13",
        59,
        0,
        "Borgen skole",
        "Alle som har deltatt",
        "mixed",
    ),
]
GJESTEBUD = (14, 148, 85)  # dinner parties, participants, inputs
FOCUS_GROUPS = [
    ("Foreldrerollen og oppvekst", 14, 10),
    ("Aktiv hele livet", 9, 8),
    ("Idrett", 12, 9),
    ("Kultur", 10, 8),
    ("Friluftsliv", 9, 8),
    ("Boligstruktur", 8, 8),
    ("Sosiale aktiviteter", 12, 9),
]

AGE_PROFILES = {
    "mixed": {"0-12": 0.05, "13-19": 0.1, "20-34": 0.25, "35-66": 0.45, "67+": 0.15},
    "staff": {"20-34": 0.3, "35-66": 0.7},
    "children": {"0-12": 1.0},
    "immigrant": {"0-12": 0.1, "13-19": 0.15, "20-34": 0.35, "35-66": 0.35, "67+": 0.05},
    "mothers": {"20-34": 0.6, "35-66": 0.4},
}
IMMIGRANT_SHARE = {"mixed": 0.25, "staff": 0.1, "children": 0.45, "immigrant": 0.95, "mothers": 1.0}
FEMALE_SHARE = {"mixed": 0.55, "staff": 0.7, "children": 0.5, "immigrant": 0.5, "mothers": 1.0}


def load_borgen_demo(*, stdout=None) -> dict:
    """Load the demo once; later calls only report what is there."""
    if Process.objects.filter(slug=SLUG).exists():
        summary = demo_summary()
        summary["already_loaded"] = True
        return summary
    with transaction.atomic():
        _Loader(random.Random(2016)).run()  # invented demo data  # nosec B311
    summary = demo_summary()
    summary["already_loaded"] = False
    return summary


def demo_summary() -> dict:
    """Totals counted from the database."""
    from veikart.processes.selectors import participant_total
    from veikart.proposals.selectors import realiser_distribution

    process = Process.objects.get(slug=SLUG)
    plan = Plan.objects.filter(process=process).first()
    return {
        "participants": participant_total(process=process),
        "inputs": Input.objects.filter(process=process).count(),
        "proposals": Proposal.objects.filter(process=process).public().count(),
        "realiser_shares": {
            s.key: round(s.percent) for s in realiser_distribution(process=process)
        },
        "measures": Measure.objects.of_plan(plan).count() if plan else 0,
        "focus_areas": process.focus_areas.count(),
    }


def _split(total: int, shares: dict[str, float]) -> dict[str, int]:
    """Whole numbers in proportion to `shares`, adding up to exactly `total`."""
    weight = sum(shares.values())
    raw = {k: total * v / weight for k, v in shares.items()}
    out = {k: int(v) for k, v in raw.items()}
    rest = total - sum(out.values())
    for k in sorted(raw, key=lambda k: raw[k] - out[k], reverse=True)[:rest]:
        out[k] += 1
    return out


class _Loader:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.codes: set[str] = set()

    def run(self) -> None:
        self.users()
        self.areas()
        load_knowledge(actor=None)  # demo/knowledge.py: more indicators via JSON-stat
        self.process_and_phases()
        self.arenas()
        self.actors()
        self.proposals_and_inputs()
        load_map_demo(process=self.process, host=self.user["vert"], rng=random.Random(2016_03_09))  # nosec B311
        self.workshop()
        load_opinion_demo(process=self.process)
        self.plan()
        self.committee()
        plan_history_load(plan=self.plan_obj, manager=self.user["prosjektleder"])
        tracking_demo.load(process=self.process, plan=self.plan_obj, users=self.user)
        audit_log_write(actor=None, action="demo.loaded", obj=self.process, data=demo_summary())

    # --- people -------------------------------------------------------------------------
    def users(self) -> None:
        people = [
            ("admin", "Administrator", Role.ADMIN, True),
            ("prosjektleder", "Prosjektleder Ingrid", Role.MANAGER, True),
            ("moderator", "Moderator Olav", Role.MODERATOR, False),
            ("vert", "Arenavert Samira", Role.HOST, False),
            ("utvalg", "Utvalgsmedlem Per", Role.COMMITTEE, False),
            ("innbygger", "Innbygger Kari", Role.RESIDENT, False),
        ]
        self.user = {}
        for username, name, role, staff in people:
            user = User(username=username, display_name=name, role=role, is_staff=staff)
            user.is_superuser = role == Role.ADMIN
            user.set_password(PASSWORD)
            user.save()
            self.user[username] = user

    # --- knowledge base -----------------------------------------------------------------
    def areas(self) -> None:
        def box(lon: float, lat: float, w: float, h: float) -> dict:
            ring = [[lon, lat], [lon + w, lat], [lon + w, lat + h], [lon, lat + h], [lon, lat]]
            return {"type": "Polygon", "coordinates": [ring]}

        self.borgen = Area.objects.create(
            name="Borgen",
            slug="borgen",
            code="0220-borgen",
            boundary=box(10.415, 59.826, 0.025, 0.012),
        )
        self.haga = Area.objects.create(
            name="Hagaløkka/Askerlia",
            slug="hagalokka-askerlia",
            code="0220-hagalokka",
            boundary=box(10.415, 59.838, 0.025, 0.010),
        )
        self.asker = Area.objects.create(
            name="Asker kommune", slug="asker", code="0220", is_municipality=True
        )
        young = {"0-12": 0.19, "13-19": 0.10, "20-34": 0.22, "35-66": 0.37, "67+": 0.12}
        whole = {"0-12": 0.16, "13-19": 0.09, "20-34": 0.16, "35-66": 0.43, "67+": 0.16}
        rows = []
        for area, total, ages, immigrant in (
            (self.borgen, 3100, young, 0.36),
            (self.haga, 2200, young, 0.34),
            (self.asker, 61000, whole, 0.20),
        ):
            cells = {
                Dimension.AGE: _split(total, ages),
                Dimension.GENDER: _split(total, {"female": 0.5, "male": 0.5}),
                Dimension.BACKGROUND: _split(
                    total, {"immigrant": immigrant, "majority": 1 - immigrant}
                ),
            }
            for dimension, groups in cells.items():
                for group, count in groups.items():
                    rows.append(
                        PopulationCount(
                            area=area, year=2015, dimension=dimension, group=group, count=count
                        )
                    )
        PopulationCount.objects.bulk_create(rows)

        indicators = [
            (
                "barn-lavinntekt",
                "Barn i husholdninger med vedvarende lavinntekt",
                "living_conditions",
                "prosent",
                "SSB",
                (21.0, 17.5, 6.2),
            ),
            (
                "sysselsetting",
                "Sysselsatte 20–66 år",
                "living_conditions",
                "prosent",
                "SSB",
                (68.0, 70.0, 79.5),
            ),
            (
                "sosialhjelp",
                "Mottakere av sosialhjelp",
                "living_conditions",
                "prosent",
                "NAV",
                (6.1, 5.0, 2.3),
            ),
            (
                "trivsel-skole",
                "Elever som trives på skolen",
                "childhood",
                "prosent",
                "Elevundersøkelsen",
                (82.0, 84.0, 88.0),
            ),
            (
                "fritidsaktivitet",
                "Barn som deltar i organisert fritidsaktivitet",
                "childhood",
                "prosent",
                "Skolene",
                (48.0, 55.0, 74.0),
            ),
            (
                "barnehagedekning",
                "Barn 1–5 år i barnehage",
                "childhood",
                "prosent",
                "SSB",
                (79.0, 83.0, 92.0),
            ),
            (
                "trygghet",
                "Innbyggere som føler seg trygge ute om kvelden",
                "neighbourhood",
                "prosent",
                "Innbyggerundersøkelse",
                (61.0, 66.0, 84.0),
            ),
            (
                "anmeldelser",
                "Anmeldte lovbrudd per 1 000 innbyggere",
                "neighbourhood",
                "antall",
                "Politiet",
                (58.0, 49.0, 41.0),
            ),
            (
                "grontareal",
                "Innbyggere med trygg tilgang til grøntområde",
                "neighbourhood",
                "prosent",
                "Kommunens kartdata",
                (72.0, 78.0, 81.0),
            ),
        ]
        values = []
        for slug, name, theme, unit, source, (b, h, a) in indicators:
            indicator = Indicator.objects.create(
                slug=slug,
                name=name,
                theme=theme,
                unit=unit,
                source=source,
                description=f"{name}. Kilde: {source}.",
            )
            for area, base in ((self.borgen, b), (self.haga, h), (self.asker, a)):
                for offset, period in enumerate(("2012", "2013", "2014", "2015")):
                    drift = (offset - 3) * base * 0.01 * self.rng.choice([-1, 1])
                    values.append(
                        IndicatorValue(
                            indicator=indicator,
                            area=area,
                            period=period,
                            value=Decimal(str(round(base + drift, 1))),
                        )
                    )
                if slug in ("barn-lavinntekt", "trivsel-skole", "trygghet", "fritidsaktivitet"):
                    better = 1 if slug != "barn-lavinntekt" else -1
                    values.append(
                        IndicatorValue(
                            indicator=indicator,
                            area=area,
                            period="2019",
                            value=Decimal(str(round(base + better * base * 0.06, 1))),
                            note="Ny måling etter tiltakene",
                        )
                    )
        IndicatorValue.objects.bulk_create(values)

    # --- the process --------------------------------------------------------------------
    def process_and_phases(self) -> None:
        self.process = Process.objects.create(
            name="Borgenprosjektet",
            slug=SLUG,
            main_goal=MAIN_GOAL,
            description=(
                "Borgenprosjektet er en områderettet innsats der innbyggerne, lag og foreninger, "
                "næringslivet og kommunen sammen utvikler Borgen og Hagaløkka/Askerlia.\n\n"
                "Først kom kunnskapsgrunnlaget «Livet på Borgen». Så fulgte Løsningsjakten: fem "
                "intensive måneder våren 2016 med mange ulike arenaer, som endte i et "
                "veikartverksted. Veikartet ble til en temaplan med 203 tiltak, vedtatt av "
                "kommunestyret 8. november 2016."
            ),
            cocreation_form=CocreationForm.EQUAL,
            current_phase=PhaseKind.IMPLEMENTATION,
        )
        self.process.areas.add(self.borgen, self.haga)
        d = datetime.date
        phases = [
            (PhaseKind.KNOWLEDGE, "Livet på Borgen", d(2015, 3, 1), d(2015, 12, 31)),
            (PhaseKind.SOLUTION_HUNT, "Løsningsjakten", d(2016, 1, 15), d(2016, 6, 10)),
            (PhaseKind.WORKSHOP, "Veikartverksted", d(2016, 6, 11), d(2016, 6, 14)),
            (PhaseKind.POLITICAL, "Temaplan til politisk behandling", d(2016, 8, 15), ADOPTED_ON),
            (PhaseKind.IMPLEMENTATION, "Gjennomføring 2017–2020", d(2017, 1, 1), d(2020, 12, 31)),
            (PhaseKind.EVALUATION, "Følgeforskning og evaluering", d(2021, 1, 1), d(2022, 12, 31)),
        ]
        Phase.objects.bulk_create(
            Phase(process=self.process, kind=k, title=t, starts_on=s, ends_on=e, order=i)
            for i, (k, t, s, e) in enumerate(phases)
        )
        self.focus = {}
        for order, (slug, name, description) in enumerate(C.FOCUS_AREAS):
            self.focus[slug] = FocusArea.objects.create(
                process=self.process, slug=slug, name=name, description=description, order=order
            )

    def arenas(self) -> None:
        self.arena_quota: list[tuple[Arena, int, str]] = []
        specs = list(ARENAS)
        dinner = _split(GJESTEBUD[1], {str(i): 1 for i in range(GJESTEBUD[0])})
        dinner_inputs = _split(GJESTEBUD[2], {str(i): 1 for i in range(GJESTEBUD[0])})
        for i in range(GJESTEBUD[0]):
            day = datetime.date(2016, 2, 20) + datetime.timedelta(days=5 * i)
            specs.append(
                (
                    "gjestebud",
                    f"Gjestebud {i + 1}",
                    day.isoformat(),
                    dinner[str(i)],
                    dinner_inputs[str(i)],
                    "Hjemme hos en vert",
                    "Naboer",
                    "mixed",
                )
            )
        for i, (theme, people, inputs) in enumerate(FOCUS_GROUPS):
            day = datetime.date(2016, 3, 29) + datetime.timedelta(days=4 * i)
            specs.append(
                (
                    "fokusgruppe",
                    f"Fokusgruppe: {theme.lower()}",
                    day.isoformat(),
                    people,
                    inputs,
                    "Nærmiljøsentralen",
                    theme,
                    "mixed",
                )
            )
        participation = []
        for slug, title, day, people, inputs, place, target, profile in specs:
            arena = Arena.objects.create(
                process=self.process,
                method=method_from_catalogue(slug=slug),
                title=title,
                held_on=datetime.date.fromisoformat(day),
                place=place,
                host="Borgenprosjektet",
                host_user=self.user["vert"],
                target_groups=target,
                participant_count=people,
            )
            participation += self._breakdown(arena, people, profile)
            self.arena_quota.append((arena, inputs, profile))
            if slug == "veikartverksted":
                self.workshop_arena = arena
        ArenaParticipation.objects.bulk_create(participation)

    def _breakdown(self, arena: Arena, people: int, profile: str) -> list[ArenaParticipation]:
        known = people if profile in ("children", "mothers", "staff") else round(people * 0.8)
        cells = {
            Dimension.AGE: _split(known, AGE_PROFILES[profile]),
            Dimension.GENDER: _split(
                known, {"female": FEMALE_SHARE[profile], "male": 1 - FEMALE_SHARE[profile]}
            ),
            Dimension.BACKGROUND: _split(
                known,
                {"immigrant": IMMIGRANT_SHARE[profile], "majority": 1 - IMMIGRANT_SHARE[profile]},
            ),
        }
        rows = []
        for dimension, groups in cells.items():
            for group, count in groups.items():
                if count:
                    rows.append(
                        ArenaParticipation(
                            arena=arena, dimension=dimension, group=group, count=count
                        )
                    )
            if people - known:
                rows.append(
                    ArenaParticipation(
                        arena=arena, dimension=dimension, group=UNKNOWN, count=people - known
                    )
                )
        return rows

    def actors(self) -> None:
        self.actor_list = [
            Actor.objects.create(slug=slug, name=name, kind=kind) for slug, name, kind in C.ACTORS
        ]

    # --- the Veikart --------------------------------------------------------------------
    def _code(self) -> str:
        while True:
            code = "".join(self.rng.choice(RECEIPT_ALPHABET) for _ in range(8))
            if code not in self.codes:
                self.codes.add(code)
                return code

    def proposals_and_inputs(self) -> None:
        manager = self.user["prosjektleder"]
        ideas_by_realiser = {
            Realiser.MUNICIPALITY: C.MUNICIPALITY_IDEAS,
            Realiser.RESIDENTS: C.RESIDENTS_IDEAS,
            Realiser.PARTNERSHIP: C.PARTNERSHIP_IDEAS,
        }
        specs = []  # (realiser, idea, place)
        for realiser, count in PROPOSALS.items():
            ideas = ideas_by_realiser[realiser]
            combos = [(idea, place) for place in C.PLACES for idea in ideas]
            specs += [(realiser, idea, place) for idea, place in combos[:count]]
        self.rng.shuffle(specs)
        statuses = [ProposalStatus.IN_PLAN] * 120 + [ProposalStatus.PRIORITISED] * 10
        statuses += [ProposalStatus.PUBLISHED] * (len(specs) - len(statuses))
        proposals = []
        for number, ((realiser, (focus, title, description, _p), place), status) in enumerate(
            zip(specs, statuses, strict=True), start=1
        ):
            full = f"{title} {place}"
            proposals.append(
                Proposal(
                    process=self.process,
                    number=number,
                    title=full,
                    description=f"{description} Gjelder {place.split(' ', 1)[1]}.",
                    focus_area=self.focus[focus],
                    realiser=realiser,
                    status=status,
                    search_stems=search_stems(full, description),
                )
            )
        Proposal.objects.bulk_create(proposals)
        self.proposals = list(Proposal.objects.filter(process=self.process).order_by("number"))
        self.proposal_idea = {p.pk: spec for p, spec in zip(self.proposals, specs, strict=True)}
        by_title = {}
        for p in self.proposals:
            by_title.setdefault(self.proposal_idea[p.pk][1][1], []).append(p)

        inputs, links = [], []
        for arena, quota, profile in self.arena_quota:
            for n in range(quota):
                if profile == "children":
                    item, target = self._child_input(arena, n, by_title)
                else:
                    target = self.rng.choice(self.proposals)
                    item = self._input(arena, target, profile)
                inputs.append(item)
                links.append(target)
        Input.objects.bulk_create(inputs)
        saved = list(Input.objects.filter(process=self.process).order_by("id"))
        # about 5 % stay unlinked: residents said things no proposal took up (yet)
        unlinked = set(self.rng.sample(range(len(saved)), k=round(len(saved) * 0.05)))
        ProposalInput.objects.bulk_create(
            ProposalInput(proposal=target, input=item, linked_by=manager)
            for i, (item, target) in enumerate(zip(saved, links, strict=True))
            if i not in unlinked
        )
        # every proposal has at least one input behind it
        empty = Proposal.objects.filter(process=self.process, input_links__isnull=True)
        spare = [saved[i] for i in unlinked]
        for proposal, item in zip(empty, spare, strict=False):
            ProposalInput.objects.create(proposal=proposal, input=item, linked_by=manager)
        for p in self.proposals[:60]:
            chosen = self.rng.sample(self.actor_list, 2)
            ProposalActor.objects.create(proposal=p, actor=chosen[0], role=ActorRole.RESPONSIBLE)
            ProposalActor.objects.create(proposal=p, actor=chosen[1], role=ActorRole.PARTNER)

    def _input(self, arena: Arena, target: Proposal, profile: str) -> Input:
        _realiser, (focus, _t, _d, phrasings), place = self.proposal_idea[target.pk]
        text = self.rng.choice(phrasings)
        if self.rng.random() < 0.4:
            text = f"{text} Dette gjelder særlig {place.split(' ', 1)[1]}."
        online = arena.method.is_online
        item = Input(
            process=self.process,
            arena=arena,
            text=text,
            language="nb",
            focus_area=self.focus[focus] if self.rng.random() < 0.8 else None,
            status=InputStatus.PUBLISHED,
            source=InputSource.ONLINE if online else InputSource.STAFF,
            receipt_code=self._code(),
            entered_by=None if online else self.user["vert"],
        )
        if online or self.rng.random() < 0.2:
            item.group_age = self.rng.choice(list(AGE_PROFILES[profile]))
            if self.rng.random() < 0.5:
                item.group_gender = (
                    "female" if self.rng.random() < FEMALE_SHARE[profile] else "male"
                )
            if self.rng.random() < 0.5:
                item.group_background = (
                    "immigrant" if self.rng.random() < IMMIGRANT_SHARE[profile] else "majority"
                )
        return item

    def _child_input(self, arena: Arena, n: int, by_title: dict) -> tuple[Input, Proposal]:
        category = list(C.CHILD_MAP_TEXTS)[n % len(C.CHILD_MAP_TEXTS)]
        lon = 10.418 + self.rng.random() * 0.02
        lat = 59.828 + self.rng.random() * 0.009
        if category == "skolevei":
            geometry = {
                "type": "LineString",
                "coordinates": [[round(lon, 5), round(lat, 5)], [10.4275, 59.8325]],
            }
        else:
            geometry = {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]}
        target = self.rng.choice(by_title[C.CHILD_CATEGORY_IDEAS[category]])
        item = Input(
            process=self.process,
            arena=arena,
            text=self.rng.choice(C.CHILD_MAP_TEXTS[category]),
            language="nb",
            geometry=geometry,
            map_category=category,
            focus_area=self.focus["stedsutvikling"],
            status=InputStatus.PUBLISHED,
            source=InputSource.MAP,
            receipt_code=self._code(),
            group_age="0-12",
        )
        return item, target

    # --- the roadmap workshop (veikart/core/demo/workshop.py) --------------------------------
    def workshop(self) -> None:
        load_workshop_demo(
            rng=self.rng,
            process=self.process,
            arena=self.workshop_arena,
            proposals=self.proposals,
            actors=self.actor_list,
            contact=self.user["innbygger"],
        )

    # --- the thematic plan --------------------------------------------------------------
    def plan(self) -> None:
        plan = Plan.objects.create(
            process=self.process,
            title="Temaplan for lokalsamfunnsutvikling på Borgen 2017–2020",
            main_goal=MAIN_GOAL,
            version=1,
            status=PlanStatus.ADOPTED,
            period_start=2017,
            period_end=2020,
        )
        strategies = []
        for g_order, (focus_slug, goals) in enumerate(C.GOALS.items()):
            for order, (goal_title, strategy_titles) in enumerate(goals):
                goal = Goal.objects.create(
                    plan=plan,
                    focus_area=self.focus[focus_slug],
                    title=goal_title,
                    order=g_order * 10 + order,
                )
                for s_order, title in enumerate(strategy_titles):
                    strategies.append(
                        Strategy.objects.create(goal=goal, title=title, order=s_order)
                    )
        in_plan = [p for p in self.proposals if p.status == ProposalStatus.IN_PLAN]
        by_focus: dict[int, list[Strategy]] = {}
        for s in strategies:
            by_focus.setdefault(s.goal.focus_area_id, []).append(s)
        statuses = (
            [MeasureStatus.DONE] * 92
            + [MeasureStatus.IN_PROGRESS] * 61
            + [MeasureStatus.NOT_STARTED] * 20
            + [MeasureStatus.POSTPONED] * 20
            + [MeasureStatus.DROPPED] * 10
        )
        self.rng.shuffle(statuses)
        counters: dict[int, int] = {}
        measures, proposal_links, partner_rows = [], [], []
        for i in range(MEASURES):
            proposal = in_plan[i % len(in_plan)]
            strategy = self.rng.choice(by_focus[proposal.focus_area_id])
            counters[strategy.pk] = counters.get(strategy.pk, 0) + 1
            verb = (
                C.MEASURE_VERBS[(i // len(in_plan)) % len(C.MEASURE_VERBS)]
                if i >= len(in_plan)
                else "Gjennomføre"
            )
            title = f"{verb}: {proposal.title[0].lower()}{proposal.title[1:]}"
            start = datetime.date(2017 + self.rng.randrange(3), self.rng.choice([1, 3, 8]), 1)
            measures.append(
                Measure(
                    strategy=strategy,
                    number="",
                    title=title[:300],
                    description=proposal.description,
                    order=counters[strategy.pk],
                    responsible=self.rng.choice(self.actor_list),
                    status=statuses[i],
                    progress=0,
                    starts_on=start,
                    due_on=start + datetime.timedelta(days=self.rng.choice([180, 365, 540, 720])),
                    sdgs=self.rng.sample([3, 4, 5, 8, 10, 11, 16, 17], 2) if i % 3 == 0 else [],
                )
            )
            proposal_links.append([proposal] + ([self.rng.choice(in_plan)] if i % 5 == 0 else []))
        Measure.objects.bulk_create(measures)
        saved = list(
            Measure.objects.filter(strategy__goal__plan=plan)
            .select_related("strategy__goal")
            .order_by("id")
        )
        goal_numbers = {g.pk: n for n, g in enumerate(plan.goals.order_by("order"), start=1)}
        updates = []
        for measure, linked in zip(saved, proposal_links, strict=True):
            goal_no = goal_numbers[measure.strategy.goal_id]
            measure.number = f"{goal_no}.{measure.strategy.order + 1}.{measure.order}"
            for p in {p.pk: p for p in linked}.values():
                proposal_links_row = MeasureProposal(measure=measure, proposal=p)
                partner_rows.append(proposal_links_row)
            updates += self._timeline(measure)
        Measure.objects.bulk_update(saved, ["number", "progress"])
        MeasureProposal.objects.bulk_create(partner_rows)
        MeasureUpdate.objects.bulk_create(updates)
        for measure in saved[::4]:
            measure.partners.set(self.rng.sample(self.actor_list, 2))
        Decision.objects.create(
            plan=plan,
            body="Kommunestyret",
            meeting_date=ADOPTED_ON,
            case_number="16/1842",
            outcome=Decision.Outcome.ADOPTED,
            amendments="Kommunestyret ba om årlig rapportering på tiltakene.",
        )
        self.plan_obj = plan

    def _timeline(self, measure: Measure) -> list[MeasureUpdate]:
        steps = {
            MeasureStatus.NOT_STARTED: [],
            MeasureStatus.IN_PROGRESS: [MeasureStatus.IN_PROGRESS],
            MeasureStatus.DONE: [MeasureStatus.IN_PROGRESS, MeasureStatus.DONE],
            MeasureStatus.POSTPONED: [MeasureStatus.IN_PROGRESS, MeasureStatus.POSTPONED],
            MeasureStatus.DROPPED: [MeasureStatus.DROPPED],
        }[measure.status]
        progress = {
            MeasureStatus.IN_PROGRESS: self.rng.choice([20, 40, 60, 80]),
            MeasureStatus.DONE: 100,
            MeasureStatus.POSTPONED: self.rng.choice([10, 30]),
            MeasureStatus.DROPPED: 0,
        }
        out = []
        day = measure.starts_on or datetime.date(2017, 1, 1)
        for n, status in enumerate(steps):
            day = day + datetime.timedelta(days=90 + 60 * n)
            value = progress[status] if n == len(steps) - 1 else 20
            out.append(
                MeasureUpdate(
                    measure=measure,
                    date=min(day, datetime.date(2020, 12, 1)),
                    status=status,
                    progress=value,
                    text=self.rng.choice(C.UPDATE_TEXTS[status]),
                    author=self.user["utvalg"] if n % 2 else self.user["prosjektleder"],
                )
            )
        measure.progress = out[-1].progress if out else 0
        return out

    def committee(self) -> None:
        committee = Committee.objects.create(
            process=self.process,
            name="Lokalsamfunnsutvalget på Borgen",
            kind=Committee.Kind.LOCAL,
            mandate="Følger opp temaplanen sammen med kommunen og bidrar til å realisere tiltakene.",
        )
        CommitteeMember.objects.create(committee=committee, user=self.user["utvalg"], role="Medlem")
        committee.measures.set(Measure.objects.of_plan(self.plan_obj)[:60])


def participants_total_check() -> int:
    """Sum of headcounts (used by tests as a second opinion on the selector)."""
    return Arena.objects.filter(process__slug=SLUG).aggregate(n=Sum("participant_count"))["n"]
