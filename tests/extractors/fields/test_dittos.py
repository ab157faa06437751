"""A role's value written as a ditto mark (``dittos``): the value of the role labelled just above."""

from __future__ import annotations

from fields_helpers import meeting


def test_a_ditto_under_the_presider_names_the_oath_leader() -> None:
    record = meeting("主持：骆明川（所长、书记）", "领誓：同上", "记录：向芷汀", roster=[])
    assert record.oath_leader is not None and record.oath_leader.value == "骆明川"


def test_a_ditto_in_a_row_of_cells_names_the_study_leader() -> None:
    record = meeting(
        "①重温入党誓词　领誓：戴明芳", "②学习　领学：同上　《中华人民共和国未成年人保护法》第三章", roster=[]
    )
    assert [(i.leader, i.material) for i in record.study] == [("戴明芳", "《中华人民共和国未成年人保护法》")]


def test_a_ditto_with_no_role_above_names_no_one() -> None:
    record = meeting("2023年5月主题党日，全体党员重温入党誓词。", "领誓：同上", roster=[])
    assert record.oath_leader is None
