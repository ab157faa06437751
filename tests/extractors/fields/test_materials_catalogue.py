"""The study-materials catalogue: titles of the seeds and realdev labels are dated, versions
and volumes pick their entry, unknown titles have no date."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from extractors.fields.materials import catalogue, date_of, earliest_day

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
# Titles named in the seeds and the realdev labels that are not party study materials (forms, the
# branch's own or a local unit's documents, a documentary, a newspaper) or that realdev invented.
NOT_MATERIALS = re.compile(
    r"记录簿|登记表|汇总表|统计表|核定表|审核表|明细表|打分|通知|计划|方案|办法|细则项目|手册|记分册|党员证|活动证|组工通讯|"
    r"评价标准|教育报|童心|习爷爷|正能量|西北集团|南湖光电|县委|省委|省处置|章丘|永远吹冲锋号|个人重大事项|量化管理|指导意见|"
    r"关于进一步|关于加强|关于推进|^条例$|^准则$|积分"
)


def test_every_entry_is_well_formed() -> None:
    for e in catalogue():
        assert e.source and e.keys and earliest_day(e.published) <= dt.date(2025, 12, 31)


def test_versions_volumes_and_slips() -> None:
    assert date_of("《中国共产党纪律处分条例(2018年修订)》").earliest == dt.date(2018, 8, 1)  # type: ignore[union-attr]
    assert date_of("新《纪律处分条例》").earliest.year == 1997  # type: ignore[union-attr]
    assert date_of("《习近平谈治国理政》第四卷").earliest == dt.date(2022, 6, 1)  # type: ignore[union-attr]
    assert date_of("《習近平談治國理政》第4卷").title == "习近平谈治国理政第四卷"  # type: ignore[union-attr]
    assert date_of("《党章》（2022年修订）").earliest == dt.date(2022, 10, 22)  # type: ignore[union-attr]
    assert date_of("《支部工作条例》").title == "中国共产党支部工作条例（试行）"  # type: ignore[union-attr]
    assert (
        date_of("《中国共产党党和国家机关基层组织工作条例)》") is not None
    )  # a doubled bracket (realdev 021)
    assert date_of("《中国共产党纪律处分条列》") is not None  # one slip
    assert date_of("《习近平谈治国理政》第九卷") is None
    assert date_of("《榜样8》") is None and date_of("共产党员的8项权利和8项义务") is None


@pytest.mark.parametrize(
    ("material", "day"),
    [  # dates reviewed against their announcements (extractors/fields/data/materials.yaml, source)
        (
            "《中国共产党章程》",
            dt.date(1922, 7, 1),
        ),  # the 二大's first party constitution, not the 一大's 纲领
        ("《中国共产党支部工作条例（试行）》", dt.date(2018, 10, 28)),
        ("《中国共产党纪律检查机关监督执纪工作规则（试行）》", dt.date(2017, 1, 1)),  # not its 2019 revision
        ("《中国共产党组织工作条例》", dt.date(2021, 4, 30)),
        ("《中国共产党巡视工作条例》", dt.date(2009, 7, 1)),
        ("《中国共产党巡视工作条例（2024年修订）》", dt.date(2024, 1, 1)),
        ("《习近平新时代中国特色社会主义思想学习纲要（2023年版）》", dt.date(2023, 4, 1)),
        ("《党的二十届三中全会〈决定〉学习辅导百问》", dt.date(2024, 7, 18)),
        ("《中华人民共和国宪法》（2018年修正）", dt.date(2018, 3, 11)),
    ],
)
def test_reviewed_dates(material: str, day: dt.date) -> None:
    found = date_of(material)
    assert found is not None and found.earliest == day, (material, found)


def test_titles_and_versions_are_unique() -> None:
    seen = [(e.title, e.volume, e.version) for e in catalogue()]
    assert len(seen) == len(set(seen))


def titles_from_shared() -> list[str]:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    titles = []
    for line in (SHARED / "realdev" / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        titles += json.loads(line)["study_materials"]
    for seed in sorted((SHARED / "seeds").glob("*.txt")):
        titles += re.findall(r"《([^》]{2,40})》", seed.read_text(encoding="utf-8"))
    return sorted({t for t in titles if not NOT_MATERIALS.search(t)})


def test_the_materials_of_the_seeds_and_realdev_are_catalogued() -> None:
    missing = [t for t in titles_from_shared() if date_of(f"《{t}》") is None]
    assert missing == []
