"""Leave notes (请假条) typed below a record: the reason of an absentee the record names bare.

A record may list an absentee with only a pointer to the note (``缺席:组织委员甲(请假条附后)``) and
copy the note itself below (``附:请假条`` / ``支部委员会:`` / ``本人因在集团参加培训班,不能参加本次支委会,
特此请假。`` / ``请假人:甲``). The note's 本人因… is the signer's reason; it goes to the absentee of that
name read without one, quoting the note's lines.
"""

from __future__ import annotations

import re

from core.models import Absentee, Evidence
from extractors.fields.attendance import clean_reason
from extractors.fields.people import guess_name
from extractors.layout.lines import Line

# the note's body: 本人因…,不能参加… / 因…无法参加…,特此请假
_BODY = re.compile(
    r"(?:^|[。,;])(?:本人|我)?(?:因|由于)(?P<r>[^。;]{2,40}?),?(?:不能|无法|未能|不克)(?:按时)?(?:参加|出席|到会)"
)
# the signature under it: 请假人:甲 / 申请人:甲 / 甲(签名)
_SIGNED = re.compile(r"^(?:请假人|申请人|请假党员)[:\s]*(?P<name>[\u4e00-\u9fff·]{2,8})$")
MAX_NOTE_LINES = 6  # lines between a note's body and its signature


def reasons_from_notes(absentees: list[Absentee], lines: list[Line]) -> list[Absentee]:
    """``absentees`` with a reason taken from the leave note a bare one signed below the record."""
    notes = dict(_notes(lines))
    out = []
    for a in absentees:
        note = notes.get(a.name or "") if not a.reason else None
        if note is not None:
            reason, quoted = note
            a = Absentee(a.name, reason, [*a.evidence, *(Evidence.of(ln.span, ln.text) for ln in quoted)])
        out.append(a)
    return out


def _notes(lines: list[Line]) -> list[tuple[str, tuple[str, list[Line]]]]:
    """(signer, (reason, the note's lines)) of every signed leave note in ``lines``."""
    found = []
    for i, line in enumerate(lines):
        signed = _SIGNED.match(line.norm.strip())
        if signed is None or guess_name(signed["name"]) != signed["name"]:
            continue
        for j in range(i - 1, max(i - 1 - MAX_NOTE_LINES, -1), -1):
            body = _BODY.search(lines[j].norm)
            if body is not None and (reason := clean_reason(body["r"])):
                found.append((signed["name"], (reason, [lines[j], line])))
                break
    return found
