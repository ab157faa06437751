"""The role of each evidence file, from its content (never from its name)."""

from __future__ import annotations

import re

from core.models import Document, Role
from extractors.text.normalize import normalize, to_simplified

_MINUTES_WORDS = (
    "主持",
    "应到",
    "实到",
    "会议记录",
    "记录人",
    "领学",
    "领誓",
    "缺席",
    "会议内容",
    "记录簿",
    "参会",
)
_SIGNIN_TITLE = re.compile(r"签到(?:表|册|簿|单)|签名表|签到")
_SIGNIN_HEADER = re.compile(r"签到|签名|签字")
_MANUSCRIPT = re.compile(r"讲稿|主讲人|党课(?:题目|讲稿)")
# a document that calls itself the record of the meeting (党课记录, 会议记录): the minutes, whatever it quotes
_RECORD_TITLE = re.compile(r"(?:会议|党课|活动|学习|党日|讲课)记录|记录(?:簿|本)")
# a report of the lecture, not its manuscript: the news opening (4月26日下午,…党支部在…上了一堂专题党课)
_REPORTED = re.compile(
    r"\d{1,2}月\d{1,2}日[^。]{0,40}?(?:党支部|支部|党总支|党委)[^。]{0,30}?(?:开展|召开|举行|举办|上了|组织|开了)"
)
# A text that reports a meeting (news, 美篇, platform table, prose): a meeting named, an event
# verb, and the party body that met. A lone such document is the minutes however it is written.
_MEETING_NOUN = re.compile(
    r"主题党日|党日|活动|会上|党员大会|支部大会|支委会|支部委员会|党小组会|小组会|党课|组织生活会|民主评议|会议|座谈会|学习会"
    r"|志愿服务"
)
_EVENT_VERB = re.compile(
    r"召开|举行|开展|举办|组织|参加|出席|主持|学习|重温|宣誓|领学|讲授"
    r"|开的|开了|开会|来了|到会|讨论|商量|议论|传达|读了|念了"  # said plainly: 在组长家开的,9个党员来了7个
)
_PARTY_BODY = re.compile(r"党员|党支部|支部|党总支|党委|党组|党小组")
MIN_ACCOUNT_CHARS = 80  # a meeting account has at least a few sentences
TITLE_CHARS = 60  # the title zone: the first characters of a document
PHOTO_MAX_TEXT = 40  # an image with less text than this is a scene photo


def classify(doc: Document | None, is_image: bool) -> Role:
    """minutes | signin | manuscript | photo | other."""
    if doc is None:
        return Role.OTHER
    text = normalize(doc.text)
    head = text[:TITLE_CHARS]
    if _is_signin(doc, head):
        return Role.SIGNIN
    if doc.kind.is_spreadsheet:
        return Role.OTHER  # a table file is a sign-in sheet or nothing the rules read
    if (
        _MANUSCRIPT.search(head)
        and _minutes_score(text) < 3
        and not _REPORTED.search(head)
        and not _RECORD_TITLE.search(head)
    ):
        return Role.MANUSCRIPT
    if _minutes_score(text) >= 2 or describes_meeting(to_simplified(text)):
        return Role.MINUTES
    if _RECORD_TITLE.search(head) and _PARTY_BODY.search(head) and len(text) >= MIN_ACCOUNT_CHARS:
        return Role.MINUTES  # 海上党小组学习记录: a party body's record of its meeting, by its title
    if is_image and doc.via == "ocr" and len(text) < PHOTO_MAX_TEXT:
        return Role.PHOTO
    return Role.OTHER


def describes_meeting(text: str) -> bool:
    """A prose account of a meeting (news style, 美篇, a platform's record), not a notice or list."""
    if len(text) < MIN_ACCOUNT_CHARS:
        return False
    return all(p.search(text) for p in (_MEETING_NOUN, _EVENT_VERB, _PARTY_BODY))


def _minutes_score(text: str) -> int:
    return sum(1 for word in _MINUTES_WORDS if word in text)


# a record pointing to its sign-in sheet (参加人员:见签到表) is no sign-in sheet
_SIGNIN_REFERENCE = re.compile(r"(?:见|详见|附|后附|附后|以)签到(?:表|册|簿|单)?")


def _is_signin(doc: Document, head: str) -> bool:
    if _SIGNIN_TITLE.search(_SIGNIN_REFERENCE.sub("", head)) and _minutes_score(normalize(doc.text)) < 3:
        return True
    for page in doc.pages:
        for table in page.tables:
            header = normalize("".join(c.text for c in table.rows[0])) if table.rows else ""
            if "姓名" in header and _SIGNIN_HEADER.search(header):
                return True
    return False
