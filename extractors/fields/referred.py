"""People referred to by office after one full mention.

Records of government organs and institutions name a person once with their titles
(``党支部副书记、综合科科长卓泽民``, ``耕地保护股副股长郎清源``) and then by office alone: a surname and an
abbreviated office (黎局, 阎处, 甘科, 尹庭, 贾副 or 柏付 for 副), a surname and an office
(郎股长), or the office alone (副书记主持, 会议由支部书记主持 after 支部书记:X, 组长主持 after 组长:X, 宣传委员领学
after 宣传委员X先给每人发了…, the name read where an act follows it), or the surname after 小 / 老 / 大 (小龚
after 龚小溪(组织委员) on the roll, 老甘 after 宣传委员甘德沛). A role read as such a reference is the one person the
record writes in full with that surname and that office; when the record names none or more than
one, the reference stays as read (the checks treat an office alone as no name).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.fields.people import (
    COMPOUND_SURNAMES,
    SURNAME_CHARS,
    TITLE_PATTERN,
    after_last_title,
    guess_name,
    leading_guess,
    name_before_act,
    strip_titles,
)

_SURNAME = rf"(?:{'|'.join(sorted(COMPOUND_SURNAMES))}|[{SURNAME_CHARS}])"
# offices a person is referred to by, whole or shortened to one character
_OFFICES = (
    "宣传委员|组织委员|纪检委员|副书记|书记|主任|局长|处长|科长|股长|馆长|庭长|院长|所长|部长|站长|队长|组长|委员|经理|总"
    "|局|处|科|股|庭|馆|副|付"
)
_REFERENCE = re.compile(rf"^(?:(?:村|社区)?(?:党总支|党?支部)|(?P<s>{_SURNAME}))?(?P<o>{_OFFICES})$")
_END = r"(?=同志|[(),;:。、主领带在]|$)"


# a person called by the surname after 小 / 老 / 大 (小龚, 老甘), as colleagues and neighbours call each other
_CALLED = re.compile(rf"^[小老大](?P<s>{_SURNAME})$")
# where a name of that surname is written in full: after a title or 党员 (宣传委员甘某领学 / ▲党员岑某领学)
_WHO = f"(?:书记|委员|主任|组长|党员|同志|老师|队长|站长|经理|{TITLE_PATTERN})"  # (…、研究员聂某)


def in_full(name: str, texts: Sequence[str]) -> str | None:
    """The full name ``name`` refers to (see the module's note), or None."""
    if _CALLED.match(name) is not None:
        return called_in_full(name, texts)
    m = _REFERENCE.match(name)
    if m is None:
        return None
    office = "[副付]" if m["o"] in ("副", "付") else m["o"]
    if m["s"] is None:
        return _one(_after_office(office, texts)) if len(office) >= 2 else None
    return _one(_with_office(m["s"], office, texts))


def _with_office(surname: str, office: str, texts: Sequence[str]) -> set[str]:
    """Names of ``surname`` written after an office holding ``office`` and the titles following it
    (局 in 副局长黎振嵩; 书记 in 支部书记、就业促进科科长邢海澜)."""
    near = re.compile(rf"{office}[\u4e00-\u9fff、]{{0,10}}?(?P<n>{surname}[\u4e00-\u9fff]{{1,5}})")
    found = (leading_guess(m["n"]) for text in texts for m in near.finditer(text))
    return {n for n in found if n is not None and n.startswith(surname)}


def _after_office(office: str, texts: Sequence[str]) -> set[str]:
    """Names written after ``office`` and the titles following it (党支部副书记、综合科科长卓泽民)."""
    near = re.compile(  # (组长:阎德福): the office as a form's label, the name in brackets (副书记 X holds no 书记)
        rf"(?<![副付]){office}:?\s?(?P<rest>(?:、[^,;。:、()]{{1,12}}?)?[^,;。:、()]{{2,4}}){_END}"
    )
    out = set()
    for text in texts:
        for found in near.finditer(text):
            written = strip_titles(found["rest"].split("、")[-1])
            guessed = guess_name(written)
            if guessed is not None and guessed in (written[: len(guessed)], after_last_title(written)):
                # (科长卓泽民 is 卓泽民; 王明强调 is no 明强调)
                out.add(guessed)
    # …or with what they did right after the name (宣传委员瞿书瑶先给每人发了… / 支部书记王明强调…)
    acting = re.compile(rf"(?<!副){office}(?:同志)?(?P<rest>[^,;。:、()]{{3,6}})")
    for text in texts:
        for found in acting.finditer(text):
            if (named := name_before_act(found["rest"])) is not None:
                out.add(named)
    return out


def called_in_full(name: str, texts: Sequence[str]) -> str | None:
    """The full name of one called by surname (小龚, 老甘): the one person of that surname written in
    full after a title or as an item of a list or a roll; None when ``name`` is no such call."""
    called = _CALLED.match(name)
    return _one(_titled(called["s"], texts) | _listed(called["s"], texts)) if called else None


def _titled(surname: str, texts: Sequence[str]) -> set[str]:
    """Names of ``surname`` written right after a title or 党员 (▲宣传委员甘某领学)."""
    near = re.compile(rf"{_WHO}(?P<n>{surname}[\u4e00-\u9fff]{{1,5}})")
    found = (leading_guess(m["n"]) for text in texts for m in near.finditer(text))
    return {n for n in found if n is not None and n.startswith(surname)}


def _listed(surname: str, texts: Sequence[str]) -> set[str]:
    """Names of ``surname`` written as an item of a list or a roll: after a separator or a label's
    colon and before a bracket or a separator (龚某(组织委员)√ / 、龚某、)."""
    written = re.compile(
        rf"(?:^|[、,;:])(?:\d{{1,2}}[.、])?(?P<n>{surname}[\u4e00-\u9fff]{{1,2}}?)(?=\(|[、,;]|$)"
    )
    return {m["n"] for text in texts for m in written.finditer(text)}


def _one(names: set[str]) -> str | None:
    names = {n for n in names if strip_titles(n) == n and guess_name(n) == n}
    return names.pop() if len(names) == 1 else None
