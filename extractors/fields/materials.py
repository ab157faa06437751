"""When a study material became available: the catalogue ``data/materials.yaml`` and a matcher.

A studied material (``《中国共产党纪律处分条例（2018年修订）》``, ``《习近平谈治国理政》第四卷``)
is matched to the catalogue by its 《title》: NFKC, traditional to simplified, no
brackets' content such as （试行）, no punctuation, and an optional 中国共产党 prefix;
one slip in eight characters is tolerated (OCR, typos) when exactly one catalogued
title is that near. A volume (第四卷) or a revision year (2018年修订, 2023年版) picks that
entry; a title named without either is dated by its first appearance. A title the
catalogue does not know has no date (and is never a finding).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from extractors.text.normalize import edit_distance, to_simplified

SLIPS_PER_CHARS = 8
_TITLE = re.compile(r"《(?P<title>[^》]{2,80})》(?P<rest>[^《]{0,12})")
_VOLUME = re.compile(r"第[一二三四五六七八九十\d]{1,3}卷")
_VERSION = re.compile(r"((?:19|20)\d{2})\s*年?\s*(?:修订|修正|版|修订版)")
_BRACKETED = re.compile(r"[(（\[【<〈][^)）\]】>〉]*[)）\]】>〉]?")
_NOT_TEXT = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]")
_PREFIX = "中国共产党"
_VOLUME_NUMBERS = {"1": "一", "2": "二", "3": "三", "4": "四", "5": "五"}


@dataclass(frozen=True)
class MaterialDate:
    title: str  # as catalogued, with its volume or version
    published: str  # as catalogued: YYYY, YYYY-MM or YYYY-MM-DD
    earliest: dt.date  # the first day it could have been studied
    source: str

    @property
    def published_text(self) -> str:
        parts = self.published.split("-")
        units = ("年", "月", "日")
        return "".join(f"{int(p)}{u}" for p, u in zip(parts, units, strict=False))


@dataclass(frozen=True)
class _Entry:
    title: str
    keys: tuple[str, ...]
    volume: str | None
    version: int | None
    published: str
    source: str


def title_key(title: str) -> str:
    """A title reduced for matching: simplified, no bracketed parts, no punctuation or prefix."""
    text = to_simplified(unicodedata.normalize("NFKC", title))
    text = _NOT_TEXT.sub("", _BRACKETED.sub("", text))
    return text.removeprefix(_PREFIX) if len(text) > len(_PREFIX) + 2 else text


def earliest_day(published: str) -> dt.date:
    parts = [int(p) for p in str(published).split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@lru_cache(maxsize=1)
def catalogue() -> tuple[_Entry, ...]:
    raw = yaml.safe_load(
        resources.files("extractors.fields").joinpath("data/materials.yaml").read_text("utf-8")
    )
    entries = []
    for item in raw["materials"]:
        names = [item["title"], *item.get("aliases", [])]
        entries.append(
            _Entry(
                title=item["title"],
                keys=tuple(dict.fromkeys(title_key(n) for n in names)),
                volume=item.get("volume"),
                version=item.get("version"),
                published=str(item["published"]),
                source=item["source"],
            )
        )
    return tuple(entries)


def titles_in(text: str) -> list[tuple[str, str]]:
    """(title, what follows it) for every 《title》 in ``text``."""
    return [(m["title"], m["rest"]) for m in _TITLE.finditer(unicodedata.normalize("NFKC", text))]


def date_of(material: str) -> MaterialDate | None:
    """The catalogue date of a studied material (its first 《title》), or None if unknown."""
    found = titles_in(material)
    if not found:
        return None
    title, rest = found[0]
    entries = _entries_for(title_key(title))
    if not entries:
        return None
    volume = _volume(rest) or _volume(title)
    version = _version(title) or _version(rest)
    return _pick(entries, volume, version)


def same_work(wanted: str, studied: str) -> bool:
    """Whether two titles (without 《》) name one work: the same reduced title or one catalogued
    title through its aliases (党章 = 中国共产党章程, 二十大报告), and the same edition year if
    either names one (（2023年版） is not the first edition; （试行） is no edition)."""
    if _version(wanted) != _version(studied):
        return False
    kw, ks = title_key(wanted), title_key(studied)
    if kw == ks:
        return True
    works = {e.title for e in _entries_for(kw)}
    return bool(works) and works == {e.title for e in _entries_for(ks)}


def _entries_for(key: str) -> list[_Entry]:
    """Every entry (all volumes and versions) of the one title ``key`` names."""
    titles = {e.title for e in catalogue() if key in e.keys}
    if not titles and len(key) >= 4:
        slips = max(1, len(key) // SLIPS_PER_CHARS)
        titles = {e.title for e in catalogue() if any(edit_distance(key, k, slips) <= slips for k in e.keys)}
    return [e for e in catalogue() if e.title in titles] if len(titles) == 1 else []


def _volume(text: str) -> str | None:
    m = _VOLUME.search(to_simplified(text))
    if m is None:
        return None
    return "".join(_VOLUME_NUMBERS.get(ch, ch) for ch in m.group())


def _version(text: str) -> int | None:
    m = _VERSION.search(unicodedata.normalize("NFKC", text))
    return int(m.group(1)) if m else None


def _pick(entries: list[_Entry], volume: str | None, version: int | None) -> MaterialDate | None:
    base = [e for e in entries if e.volume is None and e.version is None]
    if volume is not None:
        chosen = [e for e in entries if e.volume == volume]
        return _dated(chosen[0]) if chosen else None  # a volume the catalogue does not know
    if version is not None:
        chosen = [e for e in entries if e.version == version]
        if chosen:
            return _dated(chosen[0])
        if base:  # a known title in a revision the catalogue lacks: not before that year
            e = base[0]
            return MaterialDate(
                f"{e.title}（{version}年版本）", str(version), dt.date(version, 1, 1), "记录所写的版本年份"
            )
        return None
    return _dated(base[0]) if base else None


def _dated(e: _Entry) -> MaterialDate:
    label = e.title + (e.volume or "") + (f"（{e.version}年修订）" if e.version else "")
    return MaterialDate(label, e.published, earliest_day(e.published), e.source)
