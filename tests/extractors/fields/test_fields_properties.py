"""Property tests: the text parsers never crash and give stable output on any text."""

from __future__ import annotations

import datetime as dt
import re

from fields_helpers import meeting
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.fields.dates import find_dates, find_time
from extractors.fields.numbers import to_int
from extractors.fields.people import PersonFinder, guess_name, minority_name
from extractors.text.normalize import normalize

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
MINUTES_ALPHABET = st.sampled_from(
    list(
        "由同志主持领誓学应到实缺席名人请假因公病年月日号时:，。；《》()、0123456789一二两三十百李光振张明王芳于洋 \n"
    )
)
TEXT = st.text(st.one_of(CJK, MINUTES_ALPHABET, st.characters()), max_size=200)


@given(st.text(st.sampled_from(list("零〇一二两三四五六七八九十百千0123456789")), max_size=10))
def test_to_int_total_and_non_negative(text: str) -> None:
    value = to_int(text)
    assert value is None or value >= 0


@given(st.integers(min_value=0, max_value=999))
def test_to_int_round_trips_arabic(n: int) -> None:
    assert to_int(str(n)) == n


@given(TEXT, st.one_of(st.none(), st.integers(min_value=1900, max_value=2100)))
def test_dates_are_valid_and_stable(text: str, year: int | None) -> None:
    norm = normalize(text)
    hits = find_dates(norm, year)
    assert hits == find_dates(norm, year)
    assert all(isinstance(h.date, dt.date) and 0 <= h.start < h.end <= len(norm) for h in hits)
    time = find_time(norm)
    assert time is None or (len(time) == 5 and time[2] == ":")


@given(TEXT)
@settings(max_examples=60, deadline=None)
def test_meeting_extraction_never_crashes(text: str) -> None:
    record = meeting(text)
    for value in (record.expected_count, record.actual_count, record.absent_count):
        assert value is None or value.value >= 0
    # a name: Han names 2-4 characters, the minority regions' longer, their parts joined by a dot
    assert record.presider is None or re.fullmatch(r"[\u4e00-\u9fff·.\-]{2,16}", record.presider.value)


def test_a_lone_surrogate_in_a_text_layer_is_read_past() -> None:
    record = meeting("\ud800\n0", "会议由李光振\udfff同志主持。")
    assert record.presider is None or record.presider.value == "李光振"


@given(st.text(st.one_of(CJK, st.sampled_from(list("同志书记委员、，"))), max_size=12))
def test_names_are_short_cjk_and_deterministic(chunk: str) -> None:
    name = guess_name(chunk)
    assert name == guess_name(chunk)
    # a Han name of 2-4 characters, or a name of the minority regions made of its parts (宝音吉日嘎拉)
    assert name is None or 2 <= len(name) <= 4 or minority_name(name) == name
    hit = PersonFinder(["李光振", "于洋"]).resolve(chunk)
    assert hit is None or hit.name in chunk
