from pathlib import Path

from core.models import Document, FileKind, Origin, Page, Table, TextSpan
from store.cache import DocumentCache, cache_key, document_from_dict, document_to_dict


def _doc() -> Document:
    span = TextSpan("会议由李光振同志主持", Origin("a.pdf", page=1, bbox=(1.0, 2.0, 3.0, 4.0)), 0.93, "ocr")
    cell = TextSpan("主持人", Origin("a.pdf", page=1, cell=(0, 0, 0)))
    return Document(
        "a.pdf",
        FileKind.PDF,
        [Page(1, [span], [Table([[cell]])], needs_ocr=True, width=10, height=20)],
        "ocr",
    )


def test_round_trip_is_exact() -> None:
    assert document_from_dict(document_to_dict(_doc())) == _doc()


def test_cache_hit_repoints_file_name(tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path / "c.sqlite3")
    key = cache_key("abc", "pdf1", "rapidocr 3.10.0")
    assert cache.get(key, "a.pdf") is None
    cache.put(key, _doc())
    again = DocumentCache(tmp_path / "c.sqlite3").get(key, "renamed.pdf")
    assert again is not None and again.file == "renamed.pdf"
    assert again.pages[0].spans[0].origin.file == "renamed.pdf"
    assert again.pages[0].spans[0].text == "会议由李光振同志主持"
