import pytest
from django.core.cache import cache

from tests.factories import ArenaFactory, ProcessFactory, UserFactory
from veikart.accounts.models import Role
from veikart.areas.models import Area
from veikart.maps.models import Place
from veikart.processes.models import PhaseKind
from veikart.processes.services import method_from_catalogue

W, S, E, N = 10.415, 59.826, 10.440, 59.838
INSIDE = [10.4275, 59.8325]
OUTSIDE = [10.50, 59.90]


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.fixture
def area(db):
    ring = [[W, S], [E, S], [E, N], [W, N], [W, S]]
    return Area.objects.create(
        name="Borgen", slug="borgen-area", boundary={"type": "Polygon", "coordinates": [ring]}
    )


@pytest.fixture
def process(area):
    process = ProcessFactory(slug="borgen", current_phase=PhaseKind.SOLUTION_HUNT)
    process.areas.add(area)
    return process


@pytest.fixture
def school(area):
    return Place.objects.create(
        area=area, name="Borgen skole", kind="school", lon=INSIDE[0], lat=INSIDE[1]
    )


@pytest.fixture
def barnetrakk(process):
    return ArenaFactory(
        process=process,
        method=method_from_catalogue(slug="barnetrakk"),
        title="Barnetråkk 6B",
        participant_count=0,
    )


@pytest.fixture
def host(db):
    return UserFactory(role=Role.HOST)


@pytest.fixture
def manager(db):
    return UserFactory(role=Role.MANAGER)
