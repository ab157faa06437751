"""``jishi faces``: enrol a unit's reference photos, list and forget them (leader.in_photos).

jishi faces enrol  --branch branch.yaml [--unit NAME] [--store PATH]
jishi faces list   --unit NAME [--store PATH]
jishi faces forget --unit NAME [--person NAME] [--store PATH]
jishi faces switch --unit NAME on|off [--store PATH]

Reference photos are named per person in branch.yaml (``face_references``, paths relative
to branch.yaml); only their embeddings and a face thumbnail are kept, on this machine.
Registered through the ``jishi.commands`` entry point group.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import ExitCode, UsageError

if TYPE_CHECKING:  # the face store pulls in OpenCV: only `jishi faces` pays for it
    from core.models import Report
    from store.faces import FaceStore


def register(sub: argparse._SubParsersAction) -> None:
    faces = sub.add_parser("faces", help="登记、查看、删除单位主要负责人等人员的人脸参考照片（现场照片核对）")
    actions = faces.add_subparsers(dest="faces_command", required=True)
    enrol = actions.add_parser("enrol", help="按 branch.yaml 的 face_references 登记参考照片（替换原有的）")
    enrol.add_argument("--branch", type=Path, required=True, help="branch.yaml（含 face_references）")
    enrol.add_argument("--unit", help="单位（支部）名称，默认取 branch.yaml 的 name")
    listing = actions.add_parser("list", help="列出某单位已登记参考照片的人员")
    listing.add_argument("--unit", required=True, help="单位（支部）名称")
    forget = actions.add_parser("forget", help="删除某人（或整个单位）的人脸数据")
    forget.add_argument("--unit", required=True, help="单位（支部）名称")
    forget.add_argument("--person", help="姓名；不填则删除该单位全部人脸数据")
    switch = actions.add_parser(
        "switch", help="开启或关闭某单位的人脸核对（关闭后不核对、不登记，不删除已有数据）"
    )
    switch.add_argument("--unit", required=True, help="单位（支部）名称")
    switch.add_argument("state", choices=["on", "off"], help="on 开启，off 关闭")
    for p in (enrol, listing, forget, switch):
        p.add_argument(
            "--store", type=Path, default=None, metavar="PATH", help="人脸参考库文件（默认在用户数据目录）"
        )
        p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from store.faces import FaceStore

    store = FaceStore(args.store)
    if args.faces_command == "enrol":
        return _enrol(store, args)
    if args.faces_command == "list":
        for person, embeddings in sorted(store.embeddings(args.unit).items()):
            sys.stdout.write(f"{person}\t{len(embeddings)} 张参考照片\n")
        if not store.enabled(args.unit):
            sys.stdout.write("（本单位已关闭人脸核对）\n")
        return ExitCode.OK
    if args.faces_command == "switch":
        store.set_enabled(args.unit, args.state == "on")
        sys.stdout.write(f"单位“{args.unit}”人脸核对已{'开启' if args.state == 'on' else '关闭'}\n")
        return ExitCode.OK
    removed = store.delete_person(args.unit, args.person) if args.person else store.delete_unit(args.unit)
    sys.stdout.write(f"已删除 {removed} 条人脸数据\n")
    return ExitCode.OK


def _enrol(store: FaceStore, args: argparse.Namespace) -> int:
    from core.meta import Branch, load_yaml_model
    from core.settings import load_settings
    from jishi.faces import enrol_branch

    branch = load_yaml_model(Branch, args.branch)
    unit = args.unit or branch.name
    if not unit:
        raise UsageError("未指定单位名称", hint="请在 branch.yaml 中填写 name，或用 --unit 指定。")
    settings = load_settings()
    done = enrol_branch(store, branch, unit, args.branch.parent, settings.limits, cfg=settings.faces)
    for person, count in done.items():
        sys.stdout.write(f"{person}：已登记 {count} 张参考照片\n")
    return ExitCode.OK


def reference_thumbnails(report: Report, path: Path | None = None) -> dict[str, list[bytes]]:
    """The enrolled people of the report's unit and their reference thumbnails (for the
    HTML report, beside the faces found); {} when nobody enrolled or no face was checked."""
    if not report.branch_name or not any(f.code == "leader.in_photos" for f in report.findings):
        return {}
    store = enrolled_faces(path)
    if store is None:
        return {}
    unit = report.branch_name
    return {person: store.thumbnails(unit, person) for person in store.embeddings(unit)}


def enrolled_faces(path: Path | None = None) -> FaceStore | None:
    """The face store for ``jishi check``: None (the face check does not apply, no file is
    created) until someone has enrolled reference photos with ``jishi faces enrol``."""
    from store.faces import FaceStore, default_path

    path = path or default_path()
    return FaceStore(path) if path.exists() else None
