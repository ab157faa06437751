"""The local face store: per unit and person, replaced on enrolment, deletable per person."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from core.errors import ErrorCode, TransientFault
from extractors.faces.enrol import Reference
from store.faces import FaceStore


def _ref(seed: int) -> Reference:
    v = np.random.default_rng(seed).normal(size=128).astype(np.float32)
    return Reference(v / np.linalg.norm(v), b"\xff\xd8thumb%d" % seed, 60.0, 10.0)


def test_enrol_read_replace_and_delete_per_person(tmp_path: Path) -> None:
    store = FaceStore(tmp_path / "faces.sqlite3")
    store.enrol("一支部", "张三", [_ref(1), _ref(2)])
    store.enrol("一支部", "李四", [_ref(3)])
    store.enrol("二支部", "张三", [_ref(4)])
    got = store.embeddings("一支部")
    assert sorted(got) == ["张三", "李四"] and len(got["张三"]) == 2
    np.testing.assert_array_equal(got["张三"][1], _ref(2).embedding)
    assert store.thumbnails("一支部", "张三") == [_ref(1).thumbnail, _ref(2).thumbnail]

    store.enrol("一支部", "张三", [_ref(5)])  # re-enrolment replaces, never appends
    assert len(store.embeddings("一支部")["张三"]) == 1

    assert store.delete_person("一支部", "张三") == 1
    assert sorted(store.embeddings("一支部")) == ["李四"]
    assert store.thumbnails("一支部", "张三") == []
    assert list(FaceStore(tmp_path / "faces.sqlite3").embeddings("二支部")) == [
        "张三"
    ]  # persisted, other unit kept
    assert store.delete_unit("一支部") == 1 and store.embeddings("一支部") == {}


def test_add_list_thumbnail_delete_one_and_the_unit_switch(tmp_path: Path) -> None:
    store = FaceStore(tmp_path / "faces.sqlite3")
    store.add("一支部", "张三", [_ref(1)])
    store.add("一支部", "张三", [_ref(2), _ref(3)])  # appended after the existing one
    assert store.listing("一支部") == {"张三": [0, 1, 2]} and store.count("一支部", "张三") == 3
    assert store.thumbnail("一支部", "张三", 2) == _ref(3).thumbnail
    assert store.thumbnail("二支部", "张三", 2) is None
    assert store.delete_reference("一支部", "张三", 1) == 1
    store.add("一支部", "张三", [_ref(4)])
    assert store.listing("一支部") == {"张三": [0, 2, 3]}
    assert store.enabled("一支部") and store.enabled("二支部")
    store.set_enabled("一支部", False)
    assert not FaceStore(tmp_path / "faces.sqlite3").enabled("一支部") and store.enabled("二支部")
    assert store.count("一支部", "张三") == 3  # switching off deletes nothing by itself
    store.set_enabled("一支部", True)
    assert store.enabled("一支部")


def test_an_unusable_store_path_is_a_catalogued_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(TransientFault) as caught:
        FaceStore(tmp_path / "file" / "faces.sqlite3")
    assert caught.value.code == ErrorCode.STORE_UNAVAILABLE
