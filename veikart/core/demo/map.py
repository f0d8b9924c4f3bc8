"""The Borgen demo's maps: named places of Borgen and Hagaløkka/Askerlia (invented but
plausible), and the Barnetråkk arena as a closed class session whose 42 pupils made the
arena's map inputs. Nothing is added to the demo's totals: the existing Barnetråkk inputs are
linked to the pupils, and the arena's headcount is the pupils who joined."""

import datetime
import random

from django.utils import timezone

from veikart.areas.models import Area
from veikart.inputs.models import Input
from veikart.inputs.services import RECEIPT_ALPHABET
from veikart.maps.models import ClassContribution, ClassPupil, ClassSession, Place
from veikart.processes.models import Arena, Process

K = Place.Kind
PLACES = {
    "borgen": [
        ("Borgen skole", K.SCHOOL, 10.4275, 59.8325),
        ("Borgen helsestasjon", K.HEALTH, 10.4232, 59.8301),
        ("Nærmiljøsentralen", K.OTHER, 10.4301, 59.8297),
        ("Borgen bibliotekfilial", K.LIBRARY, 10.4318, 59.8312),
        ("Kunstgressbanen", K.SPORT, 10.4215, 59.8338),
        ("Ballbingen", K.SPORT, 10.4252, 59.8289),
        ("Nærbutikken", K.SHOP, 10.4338, 59.8282),
        ("Bussholdeplass Borgen senter", K.TRANSPORT, 10.4361, 59.8272),
        ("Undergangen under Borgenveien", K.PATH, 10.4196, 59.8286),
        ("Skogstien bak skolen", K.PATH, 10.4178, 59.8322),
        ("Lekeplassen i Tunet", K.PARK, 10.4289, 59.8345),
    ],
    "hagalokka-askerlia": [
        ("Hagaløkka skole", K.SCHOOL, 10.4270, 59.8430),
        ("Askerlia barnehage", K.SCHOOL, 10.4330, 59.8455),
        ("Bussholdeplass Hagaløkkveien", K.TRANSPORT, 10.4225, 59.8405),
        ("Turveien langs bekken", K.PATH, 10.4360, 59.8420),
    ],
}
PUPILS = 42
CONTRIBUTORS = 38  # four pupils put two things on the map, four only looked


def load_map_demo(*, process: Process, host, rng: random.Random) -> None:
    """Called once from the Borgen demo loader (inside its transaction)."""
    for slug, places in PLACES.items():
        area = Area.objects.get(slug=slug)
        Place.objects.bulk_create(
            Place(area=area, name=name, kind=kind, lon=lon, lat=lat)
            for name, kind, lon, lat in places
        )
    arena = Arena.objects.get(process=process, method__slug="barnetrakk")
    closed = timezone.make_aware(
        datetime.datetime.combine(arena.held_on or datetime.date(2016, 3, 9), datetime.time(13, 30))
    )
    session = ClassSession.objects.create(
        process=process,
        arena=arena,
        grade=6,
        code="".join(rng.choice(RECEIPT_ALPHABET) for _ in range(6)),
        created_by=host,
        closed_at=closed,
    )
    genders = ["female"] * (PUPILS // 2) + ["male"] * (PUPILS - PUPILS // 2)
    rng.shuffle(genders)
    ClassPupil.objects.bulk_create(
        ClassPupil(session=session, token=f"demo-{rng.getrandbits(128):032x}", gender=g)
        for g in genders
    )
    pupils = list(session.pupils.order_by("id"))
    items = list(Input.objects.filter(arena=arena).order_by("id"))
    ClassContribution.objects.bulk_create(
        ClassContribution(pupil=pupils[i % CONTRIBUTORS], input=item)
        for i, item in enumerate(items)
    )
    assert arena.participant_count == len(pupils), "the arena counts its pupils"  # nosec B101
