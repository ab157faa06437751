"""Whose writing a cell holds (extractors.signin.names): roster matching against the printed name."""

from __future__ import annotations

import pytest

from extractors.signin.names import Identity, Kind, identify, match_name

ROSTER = (
    "李光振", "张明", "王芳", "于洋", "王建国", "赵海燕", "孙晓东", "刘强", "陈静", "杨帆", "黄丽娟", "周志刚", "吴敏",
    "徐磊", "朱红梅", "胡建华", "郭晓燕", "欧阳晓", "何伟", "高玉兰", "林涛", "罗雪", "郑凯", "梁婷婷", "宋佳",
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "want", "exact"),
    [
        ("王建国", "王建国", True),
        (" 王 建 国。", "王建国", True),  # spaces and punctuation are not part of a name
        ("王建图", "王建国", False),  # one character off, unique
        ("欧阳晚", "欧阳晓", False),
        ("王建国一", "王建国", False),  # one stray character
        ("王方", "王芳", False),
        ("张芳", None, False),  # one off both 张明 and 王芳: ambiguous -> review
        ("马骁骑", None, False),
        ("", None, False),
    ],
)
def test_match_name(text: str, want: str | None, exact: bool) -> None:
    match = match_name(text, ROSTER)
    assert (match.name, match.exact) == (want, exact)


@pytest.mark.parametrize(
    ("reading", "confidence", "printed", "want"),
    [
        ("王建国", 0.99, "王建国", Identity(Kind.OWN, "王建国", True)),
        ("王建图", 0.9, "王建国", Identity(Kind.OWN, "王建国", False)),  # one off the printed name
        (
            "汪建",
            0.9,
            "王建国",
            Identity(Kind.OWN, "王建国", False),
        ),  # shares a given-name character: a poor reading
        (
            "徐俊杰",
            0.99,
            "徐磊",
            Identity(Kind.OWN, "徐磊", False, weak=True),
        ),  # a shared surname alone: unsure
        ("宋佳", 0.99, "赵海燕", Identity(Kind.MEMBER, "宋佳", True)),  # another member signed this row
        (
            "陈静国",
            0.93,
            "王建国",
            Identity(Kind.MEMBER, "陈静", False, weak=True),
        ),  # near another member, sharing only a character with the printed name: that member's, unsure
        ("马骁骑", 0.95, "赵海燕", Identity(Kind.FOREIGN, None)),  # nothing in common: not her signature
        ("巖", 0.2, "郭晓燕", Identity(Kind.ILLEGIBLE, None)),  # too unsure to say whose
        ("马骁骑", 0.95, None, Identity(Kind.UNMATCHED, None)),  # a blank row: a name not on the roster
        ("马", 0.95, None, Identity(Kind.ILLEGIBLE, None)),
        ("宋佳", 0.99, None, Identity(Kind.OWN, "宋佳", True)),
    ],
)
def test_identify(reading: str, confidence: float, printed: str | None, want: Identity) -> None:
    assert identify(reading, confidence, [], printed, ROSTER) == want
