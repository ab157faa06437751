"""Several pages of one sign-in (two photos, two scanned pages, two files) as one sheet."""

from __future__ import annotations

from core.models import Evidence, SigninSheet, Value

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
            evidence.append(
                Evidence(sheet.file, f"《{sheet.file}》与前面的签到表内容重复，未重复计数", None, None, 1.0)
            )
            continue
        count += sheet.signed_count.value - len(repeated)
        names += [v for v in sheet.names if v.value not in seen]
        evidence += sheet.signed_count.evidence
        confidence = min(confidence, sheet.signed_count.confidence)
        if repeated:
            evidence.append(
                Evidence(sheet.file, f"{'、'.join(repeated)}在多页签到表上都签了名，只计1人", None, None, 1.0)
            )
    for file in unread or []:
        evidence.append(Evidence(file, f"《{file}》未能识别，签到人数可能不全", None, None, INCOMPLETE))
        confidence = min(confidence, INCOMPLETE)
    files = "、".join(dict.fromkeys([s.file for s in sheets]))
    return SigninSheet(Value(count, evidence, confidence), names, files)
