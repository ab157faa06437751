"""Rules or a learned reader for the number present (实到)? The experiment behind the README's answer.

Usage: .venv/bin/python bench/counts_learned.py [--thresholds P ...] [--realdev DIR]

The realstyle accounts (``fixtures/realstyle``) come in a dev half and a check half written in
other words. A learned reader scores every number that could count people (not a date, an
approximation, a vote, a page counter, 一名 as "a"; no number the rules took for 应到 or 缺席,
none above 应到): the characters around it, the character pairs of its clause and sentence,
its unit and its size against the record's other numbers, hashed into a logistic regression
trained by AdaGrad with L2 on the dev half only. It prints, for the number present:
- leave-one-set-out on the dev half (each set is one style of writing; the model never saw it);
- the check half, trained on the whole dev half;
- realdev (real records rewritten, ``../shared/realdev``), trained on the whole dev half;
each as the rules alone, the learned reader alone, and the learned reader as a fallback
(only where the rules give no number present): how many it adds right, how many wrong, and
how many it states where the account states none. Measured in session 13, the fallback helps
on the check half (same styles as dev) and not on styles or records it never saw, so the
minutes do not use it (README, "Rules or a learned reader").
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import tempfile
import unicodedata
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.models import Value
from core.settings import OcrSettings, Settings
from extractors.fields import attendance
from extractors.fields.minutes import paired, unnumbered
from extractors.fields.numbers import to_int
from extractors.fields.people import PersonFinder
from extractors.layout.lines import Line
from jishi.evaluate_realdev import account_text, default_dir, extract_account, load_labels

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # fixtures/ is a development package, not installed

ROLE = "actual_count"
MAX_PEOPLE = 300  # a larger number counts no branch meeting
_NUMBER = re.compile(r"\d{1,3}(?![\d.])|[零〇一二两三四五六七八九十]{1,4}")
_SENTENCE_END = "。;；\n!?！？"
_CLAUSE_END = _SENTENCE_END + ",，:：、()（）"
_NOT_PEOPLE_AFTER = "年月日号点时分秒%.kK期届次层楼栋室周岁余多来"  # (30余名, 30多人, 十来个: about)
_NOT_PEOPLE_BEFORE = "第/-—~近约逾超数几"  # (近30人, 约30人, 数十名)
# a clause of an election or a vote counts the elected or the votes, not who came
_VOTE = re.compile(r"选出|选举|当选|推选|选为|投票|表决|赞成|反对|弃权|票")
_PAGE_COUNTER = re.compile(
    r"(?:浏览|阅读|点击|访问|点赞|转发|评论)[次量数人]*[:：]?$"
)  # a web page's counters
_UNITS = "人名位个"
# what follows a count of people: a unit of people (个 only before people or a stop), a
# fraction (17/20), or the end of a clause or a table cell; not 两个多小时, 21个基层党支部
_PEOPLE_AFTER = re.compile(r"[人名位]|个(?:党员|人|同志|正式|预备|[,;。、)|\s]|$)|/\d|\s*(?:[,;。、)|]|$)")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    value: int


def record_text(lines: list[Line]) -> str:
    """The record as the model reads it: one line of text per sentence, half-width forms."""
    return "\n".join(unicodedata.normalize("NFKC", line.norm) for line in lines)


def mentions(text: str) -> list[Mention]:
    """Numbers that could count people: not dates, times, ordinals or measures."""
    found = []
    for m in _NUMBER.finditer(text):
        value = to_int(m.group())
        after, before = text[m.end() : m.end() + 1], text[m.start() - 1 : m.start()]
        if value is None or value > MAX_PEOPLE or (after and after in _NOT_PEOPLE_AFTER):
            continue
        if (before and before in _NOT_PEOPLE_BEFORE) or before.isdigit():
            continue
        if _PAGE_COUNTER.search(text[max(0, m.start() - 8) : m.start()]):
            continue
        if not m.group().isdigit() and (not (after and after in _UNITS) or m.group() == "一"):
            continue  # a Chinese numeral counts people only before a unit; 一名 is "a" (每一名党员)
        if not _PEOPLE_AFTER.match(text, m.end()):
            continue
        found.append(Mention(m.start(), m.end(), value))
    return found


def _span(text: str, start: int, end: int, stops: str) -> tuple[int, int]:
    left = max(text.rfind(c, 0, start) for c in stops) + 1
    right = min([i for i in (text.find(c, end) for c in stops) if i >= 0] + [len(text)])
    return left, right


def _in_a_vote(text: str, m: Mention) -> bool:
    c0, c1 = _span(text, m.start, m.end, _CLAUSE_END)
    return _VOTE.search(text[c0:c1]) is not None


def features(text: str, m: Mention, values: list[int]) -> list[str]:
    s0, s1 = _span(text, m.start, m.end, _SENTENCE_END)
    c0, c1 = _span(text, m.start, m.end, _CLAUSE_END)
    left, right = text[max(s0, m.start - 8) : m.start], text[m.end : min(s1, m.end + 6)]
    out = [f"L{k}:{left[-k:]}" for k in range(1, 5) if len(left) >= k]
    out += [f"R{k}:{right[:k]}" for k in range(1, 5) if len(right) >= k]
    out += [f"Lc:{ch}" for ch in sorted(set(left))] + [f"Rc:{ch}" for ch in sorted(set(right))]
    out += [f"C:{text[i : i + 2]}" for i in range(c0, c1 - 1)]
    out += [f"S:{text[i : i + 2]}" for i in range(s0, s1 - 1)]
    others = [v for v in values if v != m.value]
    out += [
        "digits" if text[m.start : m.end].isdigit() else "numeral",
        "small" if m.value <= 2 else ("few" if m.value <= 5 else "many"),
        f"rank{min(sorted(set(values), reverse=True).index(m.value), 3)}",
        f"numbers{min(len(values), 6)}",
        f"place{min(4 * m.start // max(1, len(text)), 3)}",
    ]
    if any(a + b == m.value for a in others for b in others):
        out.append("a-sum")
    if any(m.value + b in others for b in others):
        out.append("a-part")
    return out


def hashed(feature_names: list[str], buckets: int) -> list[int]:
    return sorted({zlib.crc32(f.encode()) % buckets for f in feature_names})


@dataclass(frozen=True)
class Candidate:
    mention: Mention
    hashed: list[int]
    line: Line


def candidates(lines: list[Line], read: list[Value[int] | None], buckets: int) -> list[Candidate]:
    """The numbers that may be the number present, described. ``read``: the counts the rules
    read (应到, 缺席): a number they took is not the number present, nor is one above 应到."""
    text = record_text(lines)
    found = mentions(text)
    values = [m.value for m in found]
    taken = {(e.text, v.value) for v in read if v is not None for e in v.evidence}
    most = min((v.value for v in read[:1] if v is not None), default=MAX_PEOPLE)
    out = []
    for m in found:
        line = lines[text.count("\n", 0, m.start)]
        if (line.text, m.value) not in taken and m.value <= most and not _in_a_vote(text, m):
            out.append(Candidate(m, hashed(features(text, m, values), buckets), line))
    return out


BUCKETS = 2**18
THRESHOLD = 0.6
EPOCHS = 20
RATE = 0.5
SET_SIZE = 40


@dataclass(frozen=True)
class Account:
    number: int
    truth: int | None
    rules: int | None  # what the rules read (None: nothing, not even worked out)
    candidates: list[tuple[int, list[int]]]  # (value, hashed features)


def _account(number: int, text: str, truth: object, workdir: Path) -> Account:
    ex = extract_account(text, Settings(ocr=OcrSettings(engine="none")), workdir, f"a{number:03d}")
    lines = paired([unnumbered(line) for line in ex.lines])  # as extract_meeting prepares them
    counted = attendance.with_count_rows(lines)
    ruled = attendance.actual_or_listed(counted, PersonFinder([]))
    read = [attendance.expected(counted), attendance.absent(counted)]
    found = [(c.mention.value, c.hashed) for c in candidates(lines, read, BUCKETS)]
    rules = ruled.value if ruled is not None else None
    return Account(number, truth if isinstance(truth, int) else None, rules, found)


def load(half: str, workdir: Path) -> list[Account]:
    from fixtures.realstyle import accounts

    return [_account(a.number, a.text, a.label().get(ROLE), workdir) for a in accounts(half)]


def load_realdev(root: Path, workdir: Path) -> list[Account]:
    return [
        _account(i, account_text(root / label["file"]), label.get(ROLE), workdir)
        for i, label in enumerate(load_labels(root))
    ]


class Trainer:
    """A logistic regression over hashed features, trained by AdaGrad with L2."""

    def __init__(self) -> None:
        self.w = np.zeros(BUCKETS)
        self.b = 0.0

    def fit(self, accounts: Sequence[Account], epochs: int) -> None:
        rows = [h for a in accounts for _, h in a.candidates]
        y = [float(a.truth == v) for a in accounts for v, _ in a.candidates]
        squared, squared_b = np.full(BUCKETS, 1e-6), 1e-6
        order = np.random.default_rng(0)
        for _ in range(epochs):
            for i in order.permutation(len(rows)):
                idx = rows[i]
                g = self.p(idx) - y[i]
                gw = g + self.w[idx] / len(rows)
                squared[idx] += gw * gw
                self.w[idx] -= RATE * gw / np.sqrt(squared[idx])
                squared_b += g * g
                self.b -= RATE * g / math.sqrt(squared_b)

    def p(self, idx: list[int]) -> float:
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, float(self.w[idx].sum()) + self.b))))

    def read(self, account: Account, threshold: float) -> int | None:
        scored = [(self.p(h), v) for v, h in account.candidates]
        best = max(scored, default=(0.0, None), key=lambda pv: pv[0])
        return best[1] if best[0] >= threshold else None


def tally(accounts: Sequence[Account], read: Sequence[int | None]) -> Counter[str]:
    t: Counter[str] = Counter()
    for a, learned in zip(accounts, read, strict=True):
        t["rules"] += a.rules == a.truth
        t["learned"] += learned == a.truth
        t["both"] += (a.rules if a.rules is not None else learned) == a.truth
        if a.rules is None and learned is not None:
            t[
                "added right"
                if learned == a.truth
                else "stated, none written"
                if a.truth is None
                else "added wrong"
            ] += 1
    return t


def show(title: str, n: int, t: Counter[str]) -> None:
    print(
        f"{title:34s} rules {t['rules'] / n:6.1%}  learned {t['learned'] / n:6.1%}  rules+learned {t['both'] / n:6.1%}"
        f"   fallback: +{t['added right']} right, {t['added wrong']} wrong,"
        f" {t['stated, none written']} stated where none is written"
    )


def by_set(dev: list[Account], epochs: int, threshold: float) -> Counter[str]:
    read: dict[int, int | None] = {}
    for s in sorted({(a.number - 1) // SET_SIZE for a in dev}):
        trainer = Trainer()
        trainer.fit([a for a in dev if (a.number - 1) // SET_SIZE != s], epochs)
        read |= {a.number: trainer.read(a, threshold) for a in dev if (a.number - 1) // SET_SIZE == s}
    return tally(dev, [read[a.number] for a in dev])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--thresholds", type=float, nargs="+", default=[THRESHOLD], help="scores to report")
    parser.add_argument("--realdev", type=Path, default=default_dir(), help="realdev directory")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        dev, check = load("dev", Path(tmp)), load("check", Path(tmp))
        realdev = load_realdev(args.realdev, Path(tmp)) if (args.realdev / "labels.jsonl").is_file() else []
    trainer = Trainer()
    trainer.fit(dev, args.epochs)
    print(f"number present (实到): trained on the dev half ({len(dev)} accounts)")
    for threshold in args.thresholds:
        show(f"dev, each set left out, p >= {threshold}", len(dev), by_set(dev, args.epochs, threshold))
        for name, accounts in (("check half", check), ("realdev", realdev)):
            if accounts:
                read = [trainer.read(a, threshold) for a in accounts]
                show(f"{name}, p >= {threshold}", len(accounts), tally(accounts, read))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
