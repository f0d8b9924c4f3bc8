"""GeoJSON in and out: edge cases of the import (page and command), re-import, export."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from veikart.inputs.models import Input, InputSource, InputStatus
from veikart.maps.geojson import GeoJSONFileError, geojson_check, geojson_read

from .conftest import INSIDE, OUTSIDE

pytestmark = pytest.mark.django_db


def feature(coords=INSIDE, text="Mørk sti", kind="Point", **props):
    return {
        "type": "Feature",
        "geometry": {"type": kind, "coordinates": coords},
        "properties": {"text": text, **props},
    }


def collection(*features, **extra) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features), **extra}).encode()


@pytest.mark.parametrize(
    "data,message",
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00", "UTF-8"),
        (b'{"type": "Feature"}', "FeatureCollection"),
        (b'{"type": "FeatureCollection"}', "no list"),
        (b'{"type": "FeatureCollection", "features": []}', "no features"),
        (
            collection(
                feature(),
                crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}},
            ),
            "25832",
        ),
    ],
)
def test_a_bad_file_gives_one_plain_error(data, message, settings):
    settings.LANGUAGE_CODE = "en"
    with pytest.raises(GeoJSONFileError) as e:
        geojson_read(data)
    assert message in str(e.value)


def test_every_bad_feature_is_listed_with_index_and_reason(area):
    boundaries = [area.boundary]
    features = [
        feature(),
        "not a feature",
        {"type": "Feature", "geometry": None, "properties": {"text": "x"}},
        feature(coords=OUTSIDE),
        feature(text=""),
        feature(category="tja"),
        feature(coords=[INSIDE], kind="LineString"),
        feature(coords=[[INSIDE, OUTSIDE]], kind="Polygon"),
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": ["a", 1]},
            "properties": {},
        },
        feature(category="Liker ikke", age="0-12"),
    ]
    preview = geojson_check(features, boundaries=boundaries)
    assert [e.index for e in preview.errors] == [2, 3, 4, 5, 6, 7, 8, 9]
    assert not preview.ok
    assert [r.index for r in preview.rows] == [1, 10]
    assert preview.rows[1].map_category == "liker_ikke" and preview.rows[1].group_age == "0-12"


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_command_imports_all_and_a_reimport_adds_nothing(tmp_path, barnetrakk):
    path = tmp_path / "kart.geojson"
    path.write_bytes(
        collection(
            feature(),
            feature(
                coords=[INSIDE, [10.42, 59.83]],
                kind="LineString",
                text="Skolevei",
                category="skolevei",
            ),
        )
    )
    out, _err = run("import_geojson", str(path), "--arena", str(barnetrakk.pk))
    assert Input.objects.count() == 2
    item = Input.objects.get(map_category="skolevei")
    assert item.source == InputSource.IMPORT and item.status == InputStatus.NEW
    assert item.external_ref.startswith("geojson:")
    run("import_geojson", str(path), "--arena", str(barnetrakk.pk))
    assert Input.objects.count() == 2


def test_command_with_a_bad_feature_stores_nothing_and_exits_2(tmp_path, barnetrakk):
    path = tmp_path / "kart.geojson"
    path.write_bytes(collection(feature(), feature(coords=OUTSIDE)))
    err = io.StringIO()
    with pytest.raises(CommandError) as e:
        call_command("import_geojson", str(path), "--arena", str(barnetrakk.pk), stderr=err)
    assert e.value.returncode == 2
    assert err.getvalue().strip().startswith("feature 2:") or "2" in err.getvalue()
    assert not Input.objects.exists()


@pytest.mark.parametrize("content", [b"", b"[1, 2]", None])
def test_command_bad_or_missing_file_exits_2(tmp_path, barnetrakk, content):
    path = tmp_path / "x.geojson"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError) as e:
        call_command("import_geojson", str(path), "--arena", str(barnetrakk.pk))
    assert e.value.returncode == 2 and "\n" not in str(e.value)
    assert not Input.objects.exists()


def test_export_command_writes_published_map_inputs_only(tmp_path, process, barnetrakk):
    from tests.factories import InputFactory

    InputFactory(
        process=process, arena=barnetrakk, geometry={"type": "Point", "coordinates": INSIDE}
    )
    InputFactory(
        process=process,
        arena=barnetrakk,
        status=InputStatus.NEW,
        geometry={"type": "Point", "coordinates": INSIDE},
    )
    InputFactory(process=process, arena=barnetrakk)  # no place
    out = tmp_path / "ut.geojson"
    run("export_geojson", str(process.pk), "--out", str(out))
    data = json.loads(out.read_text())
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 1
    props = data["features"][0]["properties"]
    assert "receipt_code" not in props and props["arena"] == barnetrakk.title
    run("export_geojson", process.slug, "--out", str(out), "--all")
    assert len(json.loads(out.read_text())["features"]) == 2
    with pytest.raises(CommandError) as e:
        call_command("export_geojson", "9999", "--out", str(out))
    assert e.value.returncode == 2


def test_import_page_previews_then_imports(client, manager, barnetrakk, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(manager)
    url = reverse("maps:import_geojson", args=["borgen"])
    bad = io.BytesIO(collection(feature(), feature(coords=OUTSIDE)))
    bad.name = "bad.geojson"
    response = client.post(url, {"file": bad, "arena": barnetrakk.pk})
    assert response.status_code == 400
    assert [e.index for e in response.context["preview"].errors] == [2]
    assert "feature-errors" in response.content.decode()
    assert not Input.objects.exists()
    good = io.BytesIO(collection(feature(), feature(text="Fin lekeplass")))
    good.name = "good.geojson"
    response = client.post(url, {"file": good, "arena": barnetrakk.pk})
    assert response.status_code == 200 and not Input.objects.exists()
    sha = response.context["sha"]
    response = client.post(url, {"sha": sha, "arena": barnetrakk.pk})
    assert response.status_code == 302 and Input.objects.count() == 2


def test_import_page_is_for_managers_only(client, host, barnetrakk):
    client.force_login(host)
    assert client.get(reverse("maps:import_geojson", args=["borgen"])).status_code == 403
