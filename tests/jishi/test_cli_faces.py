"""``jishi faces enrol | list | forget | switch`` and the store ``jishi check`` uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import ExitCode
from fixtures import faces as fx
from jishi.cli import main
from jishi.cli_faces import enrolled_faces

pytestmark = pytest.mark.skipif(
    not fx.available(), reason=f"public-domain face images absent: apt-get install {fx.DEBIAN_PACKAGE}"
)


def test_enrol_list_forget(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "faces.sqlite3"
    assert enrolled_faces(store) is None  # nothing enrolled: the check does not apply, no file made
    assert not store.exists()
    refs = fx.references()
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "a.jpg").write_bytes(refs[fx.LEADER][0])
    (tmp_path / "refs" / "b.jpg").write_bytes(refs[fx.MEMBERS[0]][0])
    (tmp_path / "branch.yaml").write_text(
        "name: 测试支部\nleaders: [张三]\nface_references:\n  张三: [refs/a.jpg]\n  李四: [refs/b.jpg]\n",
        encoding="utf-8",
    )
    assert (
        main(["faces", "enrol", "--branch", str(tmp_path / "branch.yaml"), "--store", str(store)])
        == ExitCode.OK
    )
    assert "张三：已登记 1 张参考照片" in capsys.readouterr().out
    assert main(["faces", "list", "--unit", "测试支部", "--store", str(store)]) == ExitCode.OK
    assert capsys.readouterr().out.splitlines() == ["张三\t1 张参考照片", "李四\t1 张参考照片"]
    assert (
        main(["faces", "forget", "--unit", "测试支部", "--person", "张三", "--store", str(store)])
        == ExitCode.OK
    )
    assert "已删除 1 条" in capsys.readouterr().out
    found = enrolled_faces(store)
    assert found is not None and list(found.embeddings("测试支部")) == ["李四"]
    assert main(["faces", "switch", "--unit", "测试支部", "off", "--store", str(store)]) == ExitCode.OK
    assert not found.enabled("测试支部") and "已关闭" in capsys.readouterr().out
    assert main(["faces", "list", "--unit", "测试支部", "--store", str(store)]) == ExitCode.OK
    assert "（本单位已关闭人脸核对）" in capsys.readouterr().out
    code = main(["faces", "enrol", "--branch", str(tmp_path / "branch.yaml"), "--store", str(store)])
    assert code != ExitCode.OK and "已关闭人脸核对" in capsys.readouterr().err
    assert main(["faces", "switch", "--unit", "测试支部", "on", "--store", str(store)]) == ExitCode.OK
    assert found.enabled("测试支部")


def test_a_bad_reference_photo_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "group.jpg").write_bytes((fx.EXAMPLES / "faces" / "2008_002470.jpg").read_bytes())
    (tmp_path / "branch.yaml").write_text(
        "name: 测试支部\nface_references:\n  张三: [group.jpg]\n", encoding="utf-8"
    )
    code = main(
        ["faces", "enrol", "--branch", str(tmp_path / "branch.yaml"), "--store", str(tmp_path / "f.sqlite3")]
    )
    assert code == ExitCode.BAD_INPUT
    assert "group.jpg" in capsys.readouterr().err
