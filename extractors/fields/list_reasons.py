"""Whose reason a bracket in a list of absentees is: 甲、乙(x).

Secretaries write a reason shared by two people once, after the second (甲、乙(都在外务工)), or
once per person (丙(务工)、丁(务工)). Which one a list does decides what a name without its own
bracket means: in a list that marks its groups (the bracket says 都/二人, or items are parted by
another mark than the 、 joining 甲 and 乙) 甲 shares 乙's reason; in a list that repeats a shared
reason for each person, 甲 was written with none. Lists that show neither are left undecided by the
readers (a person reads them).
"""

from __future__ import annotations

import itertools
import re

from extractors.text.normalize import normalize

# a bracket saying it is shared: (都在广东务工), (二人随课题组调研), (兄弟俩回老家)
_SHARED_WORDS = re.compile(r"都|均|皆|俩|仨|[二两三]人|[二两三]位|一起|一同|同在|兄弟|姐妹|夫妻|母女|父子")
_ITEM = re.compile(r"([^、,;:()]{2,8})\(([^()]{1,30})\)")
# a bracket speaking of one person (她在县医院陪护…, 该同志…): not shared, whatever the list does
_ONE_PERSON = re.compile(r"(?:她|他|该同志|该党员|其本人|本人)(?!们)")


def said_shared(norm: str, first: str, then: str, all_named: bool) -> bool:
    """Whether ``first``、``then``(x) in the normalised line ``norm`` gives x to both: the bracket
    says so, or (``all_named``: the absent count written is the number of names read) the list's
    items are parted by another mark than the one joining the two (甲、乙(务工),丙(住院) — "" where
    the items were parted by spaces, which normalising drops)."""
    pair = re.search(rf"{re.escape(first)}([、,]){re.escape(then)}\(([^()]*)\)", norm)
    if pair is None or _ONE_PERSON.match(pair[2]):
        return False
    if _SHARED_WORDS.search(pair[2]):
        return True
    if not all_named:
        return False
    between_items = set(re.findall(r"\)([、,;]?)(?=[^、,;。()])", norm))
    return bool(between_items) and pair[1] not in between_items


def bare_in_repeating_list(name: str, text: str) -> bool:
    """``name`` stands bare before the next item (``name``、乙(x)) of a list of ``text`` that writes
    a reason shared by neighbours once per person (丙(务工)、丁(务工)): no reason is ``name``'s."""
    norm = normalize(text)
    items = _ITEM.findall(norm)
    repeats = any(r1 == r2 for (_, r1), (_, r2) in itertools.pairwise(items))
    bare = re.search(rf"(?:^|[、:]){re.escape(name)}、[^、,;:()]{{2,8}}\(", norm)
    return repeats and bare is not None


def borrowed(norm: str, first: str, then: str, all_named: bool) -> bool:
    """Whether ``first`` stands bare before ``then``(x) in ``norm`` (甲、乙(x)) in a list that does
    not say the two share x (``said_shared``): 甲 may share x or have none written."""
    joined = re.search(rf"{re.escape(first)}[、,]{re.escape(then)}\(", norm) is not None
    return joined and not said_shared(norm, first, then, all_named)
