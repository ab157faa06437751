from __future__ import annotations

import base64
import re
from html.parser import HTMLParser

import pytest

from core.models import Evidence, Report, Verdict
from jishi.report.html import crop_key, render_html

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00fake-png-bytes"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.append((tag, dict(attrs)))


def _parse(text: str) -> _Tags:
    p = _Tags()
    p.feed(text)
    p.close()
    return p


def test_standalone_document(noncompliant: Report) -> None:
    out = render_html(noncompliant)
    assert out.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-CN">' in out and '<meta charset="utf-8">' in out
    tags = _parse(out)
    assert "script" not in tags.tags and "link" not in tags.tags
    assert "style" in tags.tags
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", out)
    assert "url(" not in out and "@import" not in out


@pytest.mark.parametrize(
    ("verdict", "word"),
    [(Verdict.COMPLIANT, "合格"), (Verdict.NONCOMPLIANT, "不合格"), (Verdict.NEEDS_REVIEW, "需人工复核")],
)
def test_banner(noncompliant: Report, verdict: Verdict, word: str) -> None:
    noncompliant.verdict = verdict
    out = render_html(noncompliant)
    assert f'<header class="banner {verdict.value}">' in out
    assert f"结论：{word}</div>" in out
    assert ".banner." + verdict.value in out  # the banner colour exists in the CSS


def test_findings_table(noncompliant: Report) -> None:
    out = render_html(noncompliant)
    assert '<span class="badge fail">不通过</span>' in out
    assert '<span class="badge unknown">待复核</span>' in out
    assert '<span class="badge warn">提醒</span>' in out
    assert '<span class="badge pass">通过</span>' in out
    assert "<code>presider.missing</code>" in out
    assert "请在会议记录中写明主持人姓名后重新上传。" in out
    assert '2022-12/会议记录.pdf · 第1页</span><span class="quote">「主持人：（空白）」</span>' in out
    assert 'title="区域 (72, 140.5, 300, 160)"' in out
    assert "识别置信度 87%" in out
    # failures first, passes last
    pos = [out.index(c) for c in ("presider.missing", "content.theme", "signin.count_mismatch")]
    pos += [out.index(c) for c in ("attendance.ratio", "oath.leader", "photos.present")]
    assert pos == sorted(pos)


def test_meeting_signin_photos_files(noncompliant: Report) -> None:
    out = render_html(noncompliant)
    assert "<th>主持人</th><td>李光振</td>" in out
    assert "<th>领誓人</th><td>张明</td>" in out
    assert "<li>张明：《习近平谈治国理政》第四卷</li>" in out
    assert "<th>应到/实到/缺席</th><td>25 / 23 / 2</td>" in out
    assert "<th>缺席人员</th><td>赵六（因公出差）、钱七</td>" in out
    assert "<th>签到人数</th><td>23</td>" in out
    assert "<th>签到人员</th><td>张三、李四、王五</td>" in out
    assert "<td>2022-12/现场1.jpg</td><td>2022-12-23 15:02</td>" in out
    assert "<td>2022-12/现场1.jpg</td><td>是</td></tr>" in out  # duplicate + screenshot
    assert f'<code title="{"a" * 60}1234">{"a" * 12}…</code>' in out
    assert "<td>会议记录</td><td>pdf</td><td>否</td>" in out
    assert "<td>签到表</td><td>jpeg</td><td>是</td>" in out
    assert "rapidocr 3.10.0" in out and "2023-01-03 09:30:15" in out


def test_needs_review_without_signin(needs_review: Report) -> None:
    out = render_html(needs_review)
    assert "结论：需人工复核" in out
    assert "未提供签到表" in out
    assert "未上传照片" in out
    assert '<th>主持人</th><td><span class="unknown-value">未识别</span></td>' in out
    assert "扫描件.pdf · 第3页" in out


def test_untrusted_text_is_escaped(needs_review: Report) -> None:
    evil = '<script>alert("x")</script>'
    needs_review.findings[0].evidence.append(Evidence(file='a"><img src=x onerror=alert(1)>.pdf', text=evil))
    needs_review.findings[0].message = "<b>粗</b>"
    needs_review.branch_name = "<i>支部</i>"
    out = render_html(needs_review)
    assert "<script>" not in out and "onerror=alert(1)>" not in out
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in out
    assert "&lt;b&gt;粗&lt;/b&gt;" in out and "&lt;i&gt;支部&lt;/i&gt;" in out
    assert "script" not in _parse(out).tags and "b" not in _parse(out).tags


def test_crops_embedded(noncompliant: Report) -> None:
    ev = noncompliant.findings[2].evidence[0]
    assert crop_key(ev) == ("2022-12/会议记录.pdf", 1, (72.0, 140.5, 300.0, 160.0))
    out = render_html(noncompliant, crops={crop_key(ev): PNG})
    imgs = [a for tag, a in _parse(out).attrs if tag == "img"]
    assert len(imgs) == 1
    assert imgs[0]["src"] == "data:image/png;base64," + base64.b64encode(PNG).decode()
    assert imgs[0]["alt"] == "依据截图：2022-12/会议记录.pdf · 第1页"
    assert "<img" not in render_html(noncompliant)
