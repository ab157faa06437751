"""Sign-in sheets with a text layer (typed .docx / PDF tables).

A sheet has one or more 姓名 columns (two-up layouts repeat them) and may have
a signature column (签名/签到/签字) beside each. A row counts as signed when its
signature cell has ink (text) or, without a signature column, when its name
cell is filled. Photographed sheets are read by the OCR layer.
"""

from __future__ import annotations

__all__ = ["INCOMPLETE", "merge_sheets", "read_signin"]

import re

from core.models import Document, Evidence, SigninSheet, Table, TextSpan, Value
from extractors.fields.people import PersonFinder
from extractors.signin.headers import NAME_HEADER, SIGN_HEADER
from extractors.signin.merge import (  # re-exported: the pipeline imports them from here
    INCOMPLETE,
    merge_sheets,
)
from extractors.text.normalize import normalize

_NOT_A_NAME = re.compile(r"^(?:\d+|[-—/、.]*|姓名|签名|签到|序号)$")


def read_signin(doc: Document, roster: list[str]) -> SigninSheet | None:
    finder = PersonFinder(roster)
    signed: list[TextSpan] = []
    for page in doc.pages:
        for table in page.tables:
            signed.extend(_signed_cells(table))
    if not signed:
        return None
    names = []
    for span in signed:
        hit = finder.resolve(normalize(span.text))
        name = hit.name if hit else normalize(span.text)
        conf = 1.0 if hit and hit.on_roster else 0.8
        names.append(Value(name, [Evidence.of(span)], conf * span.confidence))
    evidence = [Evidence.of(span) for span in signed]
    return SigninSheet(Value(len(signed), evidence, min(s.confidence for s in signed)), names, doc.file)


def _signed_cells(table: Table) -> list[TextSpan]:
    header_index, columns = _header(table)
    if header_index is None:
        return []
    out = []
    for row in table.rows[header_index + 1 :]:
        for name_col, sign_col in columns:
            name = row[name_col] if name_col < len(row) else None
            sign = row[sign_col] if sign_col is not None and sign_col < len(row) else None
            filled = sign if sign_col is not None else name
            if filled is not None and not _NOT_A_NAME.match(normalize(filled.text)):
                out.append(filled if sign_col is not None and name is None else (name or filled))
    return out


def _header(table: Table) -> tuple[int | None, list[tuple[int, int | None]]]:
    """The header row and its (name column, signature column or None) pairs."""
    for r, row in enumerate(table.rows[:3]):
        cells = [normalize(c.text) for c in row]
        name_cols = [i for i, t in enumerate(cells) if NAME_HEADER.fullmatch(t)]
        sign_cols = [i for i, t in enumerate(cells) if SIGN_HEADER.search(t) and i not in name_cols]
        if name_cols:
            return r, [(n, _nearest_right(n, sign_cols, name_cols)) for n in name_cols]
        if sign_cols:
            return r, [(s, None) for s in sign_cols]
    return None, []


def _nearest_right(name_col: int, sign_cols: list[int], name_cols: list[int]) -> int | None:
    nxt = min((n for n in name_cols if n > name_col), default=10**6)
    return next((s for s in sign_cols if name_col < s < nxt), None)
