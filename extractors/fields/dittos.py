"""A role's value written as a ditto mark: the value of the role labelled on the line above.

Kept in shorthand, a 记录簿 writes one person for two roles by a ditto mark under the first
(``主持：骆明渠（所长、书记）`` above ``领誓：同上``; ``领誓：戴明芬`` above ``领学：同上　《…》``). The mark
stands for the value of the last role labelled on the lines just above (a row's cells, read apart, are
lines of their own); with no labelled role there, the line is left as written (a reader then finds no name in it, and the rule says what it could not read).
"""

from __future__ import annotations

import dataclasses
import re

from extractors.layout.lines import Line

_ROLE = r"(?:主持人?|领誓人?|领学人?|记录人?|记录员|主讲人?|授课人?)"
_DITTOED = re.compile(rf"(?P<label>{_ROLE}):(?P<mark>同上|〃|″|々)")
# the last role labelled on a line and its value, up to the line's end, a stop or the next label
_VALUE = re.compile(rf"{_ROLE}:(?P<value>[^:;。]{{2,24}}?)(?=[,;。]?$|[,;。\s][^,;。\s]{{1,6}}:)")


LOOK_BACK = 3  # lines looked back over for the role above: a row's cells are lines of their own


def roles_dittoed(lines: list[Line]) -> list[Line]:
    """``lines`` with each role's ditto mark replaced by the value of the role labelled on the line above."""
    out: list[Line] = []
    for line in lines:
        m = _DITTOED.search(line.norm)
        above = [v for ln in out[-LOOK_BACK:] for v in _VALUE.finditer(ln.norm)] if m is not None else []
        if m is None or not above:
            out.append(line)
            continue
        value = above[-1]["value"]
        norm = f"{line.norm[: m.start('mark')]}{value}{line.norm[m.end('mark') :]}"
        out.append(dataclasses.replace(line, norm=norm))
    return out
