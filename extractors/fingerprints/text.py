"""Text fingerprints of meeting records, to find minutes copied from earlier ones.

A record's text is normalised (NFKC, traditional to simplified, no white space),
names are masked (the roster and the names the record's fields named, plus any
``X同志``), numbers are masked (digits, and Chinese numerals before a date or count
unit), and punctuation is dropped. What is left is cut into overlapping character
``SHINGLE_CHARS``-grams, each hashed to 32 bits. Two records are compared by the
sets of their shingle hashes; shingles of the standard texts every record may
quote (the oath, the usual agenda items and slogans: ``data/boilerplate.txt``) are
removed first, so quoting them is not copying.

A MinHash signature (``datasketch``) of the set lets a store find candidates by
locality-sensitive hashing: ``LSH_BANDS`` bands of ``LSH_ROWS`` rows each, the
band keys indexed. With 64 bands of 2 rows, a pair with Jaccard similarity 0.3 is a
candidate with probability 1 - (1 - 0.3^2)^64 = 0.998, one with 0.1 with 0.47.
Candidates are then compared exactly (``compare``) over their stored hash sets.

Sentences are kept with their origin so a match can quote the overlapping passages
side by side (``overlapping_passages``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from datasketch import MinHash

from extractors.text.normalize import to_simplified

SHINGLE_CHARS = 6  # characters per shingle (measured: README "Copied minutes")
NUM_PERM = 128
LSH_BANDS = 64
LSH_ROWS = 2
MINHASH_SEED = 7
MIN_SENTENCE_CHARS = 12  # shorter sentences are not quoted as passages
PASSAGE_MIN_OVERLAP = 0.5  # share of a sentence's shingles found in the other record's sentence
MAX_PASSAGES = 3
FINGERPRINT_VERSION = 1

NAME_MASK = "\ue000"
NUMBER_MASK = "\ue001"

_CJK_NUMERAL_BEFORE_UNIT = re.compile(
    r"[〇零一二三四五六七八九十百千两]+(?=[年月日号时点分名人位个次项条届周岁])"
)
_DIGITS = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_COMRADE = re.compile(r"[\u4e00-\u9fff]{2,3}(?=同志)")
_KEEP = re.compile(r"[^\u4e00-\u9fffA-Za-z\ue000\ue001]")
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;\n])")
_SPACE = re.compile(r"[ \t\r\f\v\u3000]+")
# Words that stand before 同志 but are not names.
_NOT_NAMES = ("全体", "各位", "广大", "党员", "支部", "书记", "委员", "大家", "其他", "有关", "相关", "其他")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a record, as written (normalised), with where it was read."""

    text: str
    file: str = ""
    page: int | None = None
    masked: str = ""  # the text with names and numbers masked (see ``mask``)


@dataclass(frozen=True)
class TextFingerprint:
    """What a store keeps of one record's text."""

    shingles: np.ndarray  # sorted unique uint32 shingle hashes, boilerplate removed
    signature: np.ndarray  # MinHash hash values, uint64, NUM_PERM of them
    sentences: tuple[Sentence, ...]
    version: int = FINGERPRINT_VERSION

    def band_keys(self) -> list[int]:
        return band_keys(self.signature)

    @property
    def size(self) -> int:
        return int(self.shingles.size)


@dataclass(frozen=True)
class Similarity:
    jaccard: float  # |A ∩ B| / |A ∪ B| over shingles, boilerplate and common shingles removed
    containment: float  # |A ∩ B| / |A|: how much of this record is found in the other
    shared: int  # shingles in common


@dataclass(frozen=True)
class PassagePair:
    mine: Sentence
    theirs: Sentence
    overlap: float


# --------------------------------------------------------------------------- text


def clean(text: str) -> str:
    """NFKC, simplified characters, spaces removed (line breaks kept as sentence ends)."""
    return _SPACE.sub("", to_simplified(unicodedata.normalize("NFKC", text)))


def mask(text: str, names: Iterable[str] = ()) -> str:
    """Names and numbers replaced by one mask character each; punctuation dropped."""
    for name in sorted({clean(n) for n in names if len(clean(n)) >= 2}, key=lambda n: (-len(n), n)):
        text = text.replace(name, NAME_MASK)
    text = _COMRADE.sub(lambda m: m.group() if m.group().endswith(_NOT_NAMES) else NAME_MASK, text)
    text = _DIGITS.sub(NUMBER_MASK, text)
    text = _CJK_NUMERAL_BEFORE_UNIT.sub(NUMBER_MASK, text)
    return _KEEP.sub("", text)


def shingle_hashes(masked: str, k: int = SHINGLE_CHARS) -> np.ndarray:
    """Sorted unique 32-bit hashes of the character k-grams of ``masked``."""
    if len(masked) < k:
        return np.zeros(0, dtype=np.uint32)
    grams = {masked[i : i + k] for i in range(len(masked) - k + 1)}
    values = [
        int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=4).digest(), "little") for g in grams
    ]
    return np.unique(np.asarray(values, dtype=np.uint32))


@lru_cache(maxsize=1)
def boilerplate_hashes() -> np.ndarray:
    """Shingles of the standard texts any record may quote (``data/boilerplate.txt``)."""
    text = resources.files("extractors.fingerprints").joinpath("data/boilerplate.txt").read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    parts = [shingle_hashes(mask(clean(line))) for line in lines]
    return np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.uint32)


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(clean(text)) if s.strip()]


# --------------------------------------------------------------------------- fingerprints


def fingerprint(sentences: Sequence[Sentence], names: Iterable[str] = ()) -> TextFingerprint:
    """The fingerprint of a record given as sentences (in reading order)."""
    names = list(names)
    masked = [Sentence(s.text, s.file, s.page, mask(s.text, names)) for s in sentences]
    hashes = np.setdiff1d(
        shingle_hashes("".join(s.masked for s in masked)), boilerplate_hashes(), assume_unique=True
    )
    return TextFingerprint(hashes, signature_of(hashes), tuple(masked))


def fingerprint_text(text: str, names: Iterable[str] = (), file: str = "") -> TextFingerprint:
    return fingerprint([Sentence(s, file) for s in split_sentences(text)], names)


def signature_of(hashes: np.ndarray) -> np.ndarray:
    minhash = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, hashfunc=int)
    if hashes.size:
        minhash.update_batch(hashes.tolist())
    return np.asarray(minhash.hashvalues, dtype=np.uint64)


def band_keys(signature: np.ndarray, bands: int = LSH_BANDS, rows: int = LSH_ROWS) -> list[int]:
    """One signed 63-bit key per band (SQLite INTEGER), the band number mixed in."""
    keys = []
    for band in range(bands):
        chunk = signature[band * rows : (band + 1) * rows].astype("<u8").tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "little")).digest()
        keys.append(int.from_bytes(digest, "little") >> 1)
    return keys


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b)) if a.size and a.size == b.size else 0.0


def compare(mine: np.ndarray, theirs: np.ndarray, common: np.ndarray | None = None) -> Similarity:
    """Exact similarity of two shingle sets, ignoring ``common`` shingles (those many
    other branches' records share: phrases of the trade, not copying)."""
    if common is not None and common.size:
        mine = np.setdiff1d(mine, common, assume_unique=True)
        theirs = np.setdiff1d(theirs, common, assume_unique=True)
    if not mine.size or not theirs.size:
        return Similarity(0.0, 0.0, 0)
    shared = int(np.intersect1d(mine, theirs, assume_unique=True).size)
    union = mine.size + theirs.size - shared
    return Similarity(shared / union, shared / mine.size, shared)


def shared_shingles(mine: np.ndarray, theirs: np.ndarray) -> np.ndarray:
    return np.intersect1d(mine, theirs, assume_unique=True)


# --------------------------------------------------------------------------- passages


def overlapping_passages(
    mine: Sequence[Sentence], theirs: Sequence[Sentence], ignore: np.ndarray | None = None
) -> list[PassagePair]:
    """Sentences of this record most of whose shingles are in one sentence of the other,
    longest first: the passages to quote side by side (sentences as fingerprinted, masked)."""
    ignored = boilerplate_hashes() if ignore is None else np.union1d(boilerplate_hashes(), ignore)
    theirs_sets = [_sentence_set(s, ignored) for s in theirs]
    pairs: list[PassagePair] = []
    for sentence in mine:
        own = _sentence_set(sentence, ignored)
        if len(sentence.text) < MIN_SENTENCE_CHARS or not own.size:
            continue
        best, best_overlap = None, 0.0
        for other, other_set in zip(theirs, theirs_sets, strict=True):
            if other_set.size:
                overlap = np.intersect1d(own, other_set, assume_unique=True).size / own.size
                if overlap > best_overlap:
                    best, best_overlap = other, overlap
        if best is not None and best_overlap >= PASSAGE_MIN_OVERLAP:
            pairs.append(PassagePair(sentence, best, best_overlap))
    pairs.sort(key=lambda p: (-len(p.mine.text) * p.overlap, p.mine.text))
    return pairs[:MAX_PASSAGES]


def _sentence_set(sentence: Sentence, ignored: np.ndarray) -> np.ndarray:
    return np.setdiff1d(shingle_hashes(sentence.masked), ignored, assume_unique=True)
