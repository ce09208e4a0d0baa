"""The annotation layer as data: validation, canonical JSON, round trips (no images)."""

from __future__ import annotations

import json

import pytest

from inspector.media.annotations import (
    FORMAT,
    MAX_SHAPES,
    AnnotationLayer,
    Arrow,
    Circle,
    TextLabel,
)
from inspector.media.errors import AnnotationError


def sample_layer() -> AnnotationLayer:
    return AnnotationLayer((
        Arrow((10, 20), (300, 400), color="#FF0000", width=8),
        Circle((500, 600), 120),
        TextLabel((40, 50), "过期食品 3 件", color="#ffeb3b", size=64),
    ))


def test_layer_round_trips_through_json() -> None:
    layer = sample_layer()
    text = layer.to_json()
    assert AnnotationLayer.from_json(text) == layer
    assert AnnotationLayer.from_json(text).to_json() == text


def test_json_is_canonical_and_holds_no_floats() -> None:
    document = json.loads(sample_layer().to_json())
    assert document["format"] == FORMAT
    assert document["shapes"][0] == {"kind": "arrow", "start": [10, 20], "end": [300, 400],
                                     "color": "#ff0000", "width": 8}
    assert "过期食品" in sample_layer().to_json()  # readable, not \\u-escaped
    assert "." not in sample_layer().to_json().replace("过期食品 3 件", "")
    reordered = json.dumps(document, ensure_ascii=False)  # key order and spacing differ
    assert AnnotationLayer.from_json(reordered).to_json() == sample_layer().to_json()


def test_colours_are_normalised_to_lower_case() -> None:
    assert Arrow((0, 0), (1, 1), color="#ABCDEF").color == "#abcdef"


@pytest.mark.parametrize("build", [
    lambda: Arrow((0, 0), (0, 0)),
    lambda: Arrow((-1, 0), (5, 5)),
    lambda: Arrow((0, 0), (5, 5), width=0),
    lambda: Arrow((0, 0), (5, 5), color="red"),
    lambda: Arrow((0, 0, 0), (5, 5)),  # type: ignore[arg-type]
    lambda: Arrow((True, 0), (5, 5)),
    lambda: Circle((5, 5), 0),
    lambda: Circle((5, 5), 10, width=501),
    lambda: TextLabel((5, 5), "   "),
    lambda: TextLabel((5, 5), "x" * 201),
    lambda: TextLabel((5, 5), "line\nbreak"),
    lambda: TextLabel((5, 5), "ok", size=2),
    lambda: AnnotationLayer(tuple(Circle((1, 1), 1) for _ in range(MAX_SHAPES + 1))),
    lambda: AnnotationLayer(("arrow",)),  # type: ignore[arg-type]
])
def test_invalid_shapes_are_refused(build: object) -> None:
    assert callable(build)
    with pytest.raises(AnnotationError) as caught:
        build()
    assert caught.value.text.zh.startswith("标注无效")
    assert caught.value.text.en.startswith("invalid annotation")


@pytest.mark.parametrize("document", [
    "not json",
    "[]",
    '{"format": "other", "shapes": []}',
    '{"format": "inspector-annotations-v1"}',
    '{"format": "inspector-annotations-v1", "shapes": [], "extra": 1}',
    '{"format": "inspector-annotations-v1", "shapes": [{"kind": "square"}]}',
    '{"format": "inspector-annotations-v1", "shapes": [{"kind": "circle", "center": [1, 1]}]}',
    '{"format": "inspector-annotations-v1", "shapes": [{"kind": "circle", "center": [1, 1],'
    ' "radius": 5, "fill": "#000000"}]}',
    '{"format": "inspector-annotations-v1", "shapes": [{"kind": "circle", "center": [1.5, 1],'
    ' "radius": 5}]}',
    '{"format": "inspector-annotations-v1", "shapes": [{"kind": "circle", "center": [1, 1],'
    ' "radius": 5.0}]}',
    '{"format": "inspector-annotations-v1", "shapes": [{"kind": "text", "at": [1, 1],'
    ' "text": 7}]}',
])
def test_malformed_json_is_refused(document: str) -> None:
    with pytest.raises(AnnotationError):
        AnnotationLayer.from_json(document)


def test_empty_layer_round_trips() -> None:
    assert AnnotationLayer.from_json(AnnotationLayer().to_json()) == AnnotationLayer()


def test_check_fits_names_the_shape_outside_the_photo() -> None:
    layer = sample_layer()
    layer.check_fits(1000, 1000)
    with pytest.raises(AnnotationError) as caught:
        layer.check_fits(400, 1000)  # the circle's centre is at x=500
    assert "第 2 个" in caught.value.text.zh and "shape 2" in caught.value.text.en
    # a circle may reach past the edge as long as its centre is inside
    AnnotationLayer((Circle((5, 5), 500),)).check_fits(10, 10)
