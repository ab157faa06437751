"""The one roster-name matcher, in its two contexts."""

from __future__ import annotations

import pytest

from extractors.text.names import one_slip, unique_near

ROSTER = ["王涛", "张磊", "李浩然", "徐俊杰", "欧阳晓"]


@pytest.mark.parametrize(
    ("read", "name", "text", "cell"),
    [
        ("王滔", "王涛", True, True),  # one character substituted: both contexts
        ("王涛", "王涛", False, False),  # the same name is not a slip (exact is matched before)
        ("李浩", "李浩然", False, False),  # a dropped character: a two-character reading is too short to tell
        ("欧阳晓明", "欧阳晓", True, True),  # an added character to a three-character name
        ("王涛一", "王涛", False, True),  # a stray stroke read as a character: only in a cell
        ("一王涛", "王涛", False, True),
        ("张三", "王涛", False, False),
    ],
)
def test_one_slip_by_context(read: str, name: str, text: bool, cell: bool) -> None:
    assert one_slip(read, name) is text
    assert one_slip(read, name, whole_cell=True) is cell


def test_unique_near_refuses_ambiguity() -> None:
    assert unique_near("徐俊木", ROSTER) == "徐俊杰"
    assert unique_near("王磊", ROSTER) is None  # one slip from 王涛 and from 张磊
    assert unique_near("赵六", ROSTER) is None
