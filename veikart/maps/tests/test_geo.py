"""Point-in-area checks shared by the form, the class sessions and the GeoJSON import."""

from veikart.core.geo import geometry_outside, point_in_boundaries

SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]}
WITH_HOLE = {
    "type": "Polygon",
    "coordinates": [
        [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
        [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]],
    ],
}
FAR = {"type": "MultiPolygon", "coordinates": [[[[20, 20], [30, 20], [30, 30], [20, 20]]]]}


def test_point_inside_outside_and_in_a_hole():
    assert point_in_boundaries(5, 5, [SQUARE])
    assert not point_in_boundaries(11, 5, [SQUARE])
    assert not point_in_boundaries(5, 5, [WITH_HOLE])
    assert point_in_boundaries(2, 2, [WITH_HOLE])


def test_union_of_areas_and_multipolygons():
    assert point_in_boundaries(25, 22, [SQUARE, FAR])
    assert not point_in_boundaries(15, 15, [SQUARE, FAR])


def test_a_route_with_one_position_outside_is_outside():
    inside = {"type": "LineString", "coordinates": [[1, 1], [9, 9]]}
    leaving = {"type": "LineString", "coordinates": [[1, 1], [12, 9]]}
    assert not geometry_outside(inside, [SQUARE])
    assert geometry_outside(leaving, [SQUARE])


def test_no_outline_means_nothing_is_outside():
    assert not geometry_outside({"type": "Point", "coordinates": [100, 50]}, [])
    assert not geometry_outside(None, [SQUARE])
