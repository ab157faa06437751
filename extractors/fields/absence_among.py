"""Reasons told after 其中 for absentees the sentence has already named.

A record names those away first and tells why after 其中, by name, one clause per person or group:
``王某、赵某、刘某三位同志未到会，其中王某同志是因为参加县人大会议，赵某、刘某两位同志是因为在外地务工``.
:func:`among_reasons` reads each clause opening with absentees already found and takes the rest of it
as their reason; a clause naming nobody goes on the reason before it (``其中甲因病住院，至今未出院``).
Those no clause names keep no reason. The reasons come back raw: the caller cleans them.
"""

from __future__ import annotations

import re

from extractors.fields.numbers import NUM

# the 其中 that opens the telling, and the rest of its sentence
_AMONG = re.compile(r"其中[,:]?(?P<rest>[^。]+)")
# what joins names at a clause's front, and what stands between the names and the reason: 同志, a
# count of them (两位同志), a 均/都, then 是/系 and 因为/由于 (a lone 因 stays, as in 因病)
_JOINT = re.compile(r"^(?:、|和|及|与)")
_BETWEEN = re.compile(
    rf"^(?:同志|老师|党员)?(?:{NUM}(?:位|名|个|人)(?:同志|党员)?)?(?:均|都)?(?:是|系|为)?(?:因为|由于)?"
)
# a clause that speaks of the meeting again, not of the absent (会上…, 会议由…)
_MEETING_AGAIN = re.compile(r"^(?:会上|会议|会后|随后|首先|最后|全体|其余|其他)")


def among_reasons(text: str, names: list[str]) -> dict[str, str]:
    """The raw reason of each of ``names`` (those already found absent) that a clause after 其中 in
    ``text`` opens with; empty when no such clause names any of them."""
    m = _AMONG.search(text)
    if m is None:
        return {}
    out: dict[str, str] = {}
    last: list[str] = []
    for clause in re.split(r"[,;]", m["rest"]):
        who, rest = _front_names(clause, names)
        if who:
            reason = _BETWEEN.sub("", rest, count=1)
            out.update((n, reason) for n in who if reason)
            last = who if reason else []
        elif last and clause and not _MEETING_AGAIN.match(clause):
            out.update((n, f"{out[n]},{clause}") for n in last)
        else:
            last = []
    return out


def _front_names(clause: str, names: list[str]) -> tuple[list[str], str]:
    """The names of ``names`` at the front of ``clause``, joined by 、和及与, and the rest after them."""
    who: list[str] = []
    rest = clause
    while True:
        name = next((n for n in names if rest.startswith(n) and n not in who), None)
        if name is None:
            return who, rest
        who.append(name)
        rest = rest[len(name) :].removeprefix("同志")
        joint = _JOINT.match(rest)
        if joint is None or not any(rest[joint.end() :].startswith(n) for n in names):
            return who, rest
        rest = rest[joint.end() :]
