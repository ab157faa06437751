"""Study items: who led the study (领学) of which material.

A material is a 《…》 title with an immediately following volume qualifier
(``《习近平谈治国理政》第四卷``), or, for a descriptive item, the words after
领学 up to the next punctuation (``共产党员的8项权利和8项义务``).

A material read by OCR is matched against the plan's materials: a title a few OCR
slips away from exactly one planned title is that title (``snap_material``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.models import Evidence, StudyItem
from extractors.fields.people import PersonFinder
from extractors.layout.lines import Line
from extractors.text.normalize import edit_distance, normalize

_LEAD = re.compile(
    r"(?:由)?(?P<x>[^,;。由在:]{2,14}?)(?:同志)?"
    r"(?:领学|带领(?:大家|全体党员|与会党员|全体与会党员|党员们?)?(?:集中)?学习|领读)(?:了)?(?P<m>[^;。]+)"
)
_LEADER_LABEL = re.compile(r"^领学人:(?P<x>[^,;。]{2,14})")
_MATERIAL_LABEL = re.compile(r"^学习(?:内容|材料):(?P<m>.+)")
_STUDY_ONLY = re.compile(r"学习(?:了)?(?P<m>《[^》]{1,60}》[^;。]*)")
_TITLE = re.compile(r"《[^》]{1,60}》(?:第[一二三四五六七八九十\d]{1,3}[卷册章篇部讲辑])?(?:\(?[Pp]\d+-[Pp]?\d+\)?)?")
_QUALIFIER_PAGES = re.compile(r"\(?[Pp]\d+-[Pp]?\d+\)?$")
_DESCRIPTIVE_END = re.compile(r"[,;。:]")
_OATH = re.compile(r"誓")
_PARTS = re.compile(r"^《(?P<title>[^》]+)》(?P<qualifier>.*)$")
SLIPS_PER_CHARS = 6  # a title may differ by one character in six (at least one) and still be the plan's


def materials_in(text: str) -> list[str]:
    """Materials named in the text after a study verb."""
    titles = [_QUALIFIER_PAGES.sub("", m.group()) for m in _TITLE.finditer(text)]
    if titles:
        return titles
    descriptive = _DESCRIPTIVE_END.split(text, maxsplit=1)[0].strip()
    descriptive = re.sub(r"^(?:学习|了)+", "", descriptive)
    return [descriptive] if len(descriptive) >= 2 else []


def study_items(lines: list[Line], finder: PersonFinder, materials: Sequence[str] = ()) -> list[StudyItem]:
    items: list[StudyItem] = []
    items.extend(_led_items(lines, finder))
    items.extend(_form_items(lines, finder))
    items.extend(_unled_items(lines, items))
    for item in items:
        if _read_by_ocr(item):
            item.material = snap_material(item.material, materials)
    return items


_VOLUME = re.compile(r"《([^》]+)》(第[^,;。()]{1,4}[卷册章篇部讲辑])?")


def material_matches(wanted: str, studied: str) -> bool:
    """Whether a studied material is the wanted one: the same 《title》, and the same volume
    when both name one; descriptive materials by containment."""
    w, s = normalize(wanted), normalize(studied)
    wt, st = _VOLUME.search(w), _VOLUME.search(s)
    if wt and st:
        same_title = wt.group(1) == st.group(1)
        return same_title and (not wt.group(2) or not st.group(2) or wt.group(2) == st.group(2))
    return w in s or s in w


def _read_by_ocr(item: StudyItem) -> bool:
    return any(e.confidence is not None for e in item.evidence)  # Evidence.of keeps OCR confidence only


def snap_material(read: str, materials: Sequence[str]) -> str:
    """The planned material an OCR-read one stands for, if exactly one is within a few slips."""
    near = {m for m in materials if _near_material(normalize(read), normalize(m))}
    if len(near) != 1:
        return read
    planned = near.pop()
    got, want = _PARTS.match(normalize(read)), _PARTS.match(normalize(planned))
    if got and want and not got["qualifier"] and want["qualifier"]:
        return f"《{want['title']}》"  # the read names the book without the volume: keep it so
    return planned


def _near_material(read: str, planned: str) -> bool:
    got, want = _PARTS.match(read), _PARTS.match(planned)
    if bool(got) != bool(want):
        return False
    if got and want:
        if not _near(got["title"], want["title"]):
            return False
        q, wq = got["qualifier"], want["qualifier"]
        return not q or not wq or edit_distance(q, wq, 1) <= 1
    return _near(read, planned)


def _near(a: str, b: str) -> bool:
    slips = max(1, len(b) // SLIPS_PER_CHARS)
    return edit_distance(a, b, slips) <= slips


def _led_items(lines: list[Line], finder: PersonFinder) -> list[StudyItem]:
    out = []
    for line in lines:
        if _OATH.search(line.norm) and "领学" not in line.norm:
            continue
        for m in _LEAD.finditer(line.norm):
            hit = finder.resolve(m["x"].rsplit("由", 1)[-1], fuzzy=line.span.via == "ocr")
            if hit is None:
                continue
            for material in materials_in(m["m"]):
                out.append(StudyItem(hit.name, material, [Evidence.of(line.span, line.text)]))
    return out


def _form_items(lines: list[Line], finder: PersonFinder) -> list[StudyItem]:
    leader = next(((line, m) for line in lines if (m := _LEADER_LABEL.match(line.norm))), None)
    material_line = next((line for line in lines if _MATERIAL_LABEL.match(line.norm)), None)
    if material_line is None:
        return []
    hit = finder.resolve(leader[1]["x"], fuzzy=leader[0].span.via == "ocr") if leader else None
    text = _MATERIAL_LABEL.match(material_line.norm)["m"]  # type: ignore[index]
    ev = [Evidence.of(material_line.span, material_line.text)]
    return [StudyItem(hit.name if hit else None, m, ev) for m in materials_in(text)]


def _unled_items(lines: list[Line], found: list[StudyItem]) -> list[StudyItem]:
    known = {item.material for item in found}
    out = []
    for line in lines:
        for m in _STUDY_ONLY.finditer(line.norm):
            for material in materials_in(m["m"]):
                if material not in known:
                    known.add(material)
                    out.append(StudyItem(None, material, [Evidence.of(line.span, line.text)]))
    return out
