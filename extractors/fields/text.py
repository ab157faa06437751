"""Text normalisation shared by the field extractors."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFKC (full-width digits and punctuation to ASCII) and no white space.

    Chinese does not use spaces between words, so stray spaces such as
    ``12 月 23 日`` or ``李 光 振`` are dropped.
    """
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


CJK = r"\u4e00-\u9fff"
