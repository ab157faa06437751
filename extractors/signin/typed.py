"""Sign-in sheets with a text layer (typed .docx / PDF tables).

A sheet has one or more 姓名 columns (two-up layouts repeat them) and may have
a signature column (签名/签到/签字) beside each. A row counts as signed when its
signature cell has ink (text) or, without a signature column, when its name
cell is filled. Photographed sheets are read by the OCR layer.
"""

from __future__ import annotations

import re

from core.models import Document, Evidence, SigninSheet, Table, TextSpan, Value
from extractors.fields.people import PersonFinder
from extractors.text.normalize import normalize

_NAME_HEADER = re.compile(r"^姓名$")
_SIGN_HEADER = re.compile(r"签到|签名|签字")
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
        name_cols = [i for i, t in enumerate(cells) if _NAME_HEADER.match(t)]
        sign_cols = [i for i, t in enumerate(cells) if _SIGN_HEADER.search(t) and i not in name_cols]
        if name_cols:
            return r, [(n, _nearest_right(n, sign_cols, name_cols)) for n in name_cols]
        if sign_cols:
            return r, [(s, None) for s in sign_cols]
    return None, []


def _nearest_right(name_col: int, sign_cols: list[int], name_cols: list[int]) -> int | None:
    nxt = min((n for n in name_cols if n > name_col), default=10**6)
    return next((s for s in sign_cols if name_col < s < nxt), None)


# ------------------------------------------------------------------ several pages

INCOMPLETE = 0.6  # count confidence when a page of the sheet could not be read (below the 0.8 trust line)
SAME_PAGE_SHARE = 0.5  # a page whose names at least this share repeat earlier pages is a second copy


def merge_sheets(sheets: list[SigninSheet], unread: list[str] | None = None) -> SigninSheet:
    """The pages of one sign-in (two photos, two scanned pages, two files) as one sheet.

    Counts add up and the names are joined; a name signed on two pages counts once. A
    page whose names mostly repeat earlier pages is the same page uploaded twice and adds
    nothing. ``unread``: sign-in files none of whose pages could be read; the count is
    then incomplete and not trusted (a person counts).
    """
    first, *rest = sheets
    count, names = first.signed_count.value, list(first.names)
    evidence, confidence = list(first.signed_count.evidence), first.signed_count.confidence
    for sheet in rest:
        seen = {v.value for v in names}
        repeated = [v.value for v in sheet.names if v.value in seen]
        if sheet.names and len(repeated) >= SAME_PAGE_SHARE * len(sheet.names):
            evidence.append(Evidence(sheet.file, f"《{sheet.file}》与前面的签到表内容重复，未重复计数", None, None, 1.0))
            continue
        count += sheet.signed_count.value - len(repeated)
        names += [v for v in sheet.names if v.value not in seen]
        evidence += sheet.signed_count.evidence
        confidence = min(confidence, sheet.signed_count.confidence)
        if repeated:
            evidence.append(Evidence(sheet.file, f"{'、'.join(repeated)}在多页签到表上都签了名，只计1人", None, None, 1.0))
    for file in unread or []:
        evidence.append(Evidence(file, f"《{file}》未能识别，签到人数可能不全", None, None, INCOMPLETE))
        confidence = min(confidence, INCOMPLETE)
    files = "、".join(dict.fromkeys([s.file for s in sheets]))
    return SigninSheet(Value(count, evidence, confidence), names, files)
