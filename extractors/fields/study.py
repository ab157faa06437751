"""Study items: who led the study (领学) of which material.

A material is a 《…》 title with an immediately following volume qualifier
(``《习近平谈治国理政》第四卷``), or, for a descriptive item, the words after
领学 up to the next punctuation (``共产党员的8项权利和8项义务``).
"""

from __future__ import annotations

import re

from extractors.fields.people import PersonFinder
from extractors.layout import Line
from jishi.models import Evidence, StudyItem

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


def materials_in(text: str) -> list[str]:
    """Materials named in the text after a study verb."""
    titles = [_QUALIFIER_PAGES.sub("", m.group()) for m in _TITLE.finditer(text)]
    if titles:
        return titles
    descriptive = _DESCRIPTIVE_END.split(text, maxsplit=1)[0].strip()
    descriptive = re.sub(r"^(?:学习|了)+", "", descriptive)
    return [descriptive] if len(descriptive) >= 2 else []


def study_items(lines: list[Line], finder: PersonFinder) -> list[StudyItem]:
    items: list[StudyItem] = []
    items.extend(_led_items(lines, finder))
    items.extend(_form_items(lines, finder))
    items.extend(_unled_items(lines, items))
    return items


def _led_items(lines: list[Line], finder: PersonFinder) -> list[StudyItem]:
    out = []
    for line in lines:
        if _OATH.search(line.norm) and "领学" not in line.norm:
            continue
        for m in _LEAD.finditer(line.norm):
            hit = finder.resolve(m["x"].rsplit("由", 1)[-1])
            if hit is None:
                continue
            for material in materials_in(m["m"]):
                out.append(StudyItem(hit.name, material, [Evidence.of(line.span, line.text)]))
    return out


def _form_items(lines: list[Line], finder: PersonFinder) -> list[StudyItem]:
    leader = next((m for line in lines if (m := _LEADER_LABEL.match(line.norm))), None)
    material_line = next((line for line in lines if _MATERIAL_LABEL.match(line.norm)), None)
    if material_line is None:
        return []
    hit = finder.resolve(leader["x"]) if leader else None
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
