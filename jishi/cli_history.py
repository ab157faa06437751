"""``jishi calendar`` and ``jishi points``: the district's reports from the history store.

jishi calendar [--history PATH] [--from YYYY-MM] [--to YYYY-MM] [--format text|csv|xlsx] [--output FILE]
jishi points   [--history PATH] [--from YYYY-MM] [--to YYYY-MM] [--branch NAME] [--rules FILE]
               [--format text|csv|xlsx] [--output FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import UsageError
from jishi.calendar import REQUIRED_KINDS

if TYPE_CHECKING:
    from store.records import RecordStore

_MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"


def add_history_parsers(sub: argparse._SubParsersAction) -> None:
    cal = sub.add_parser("calendar", help="各支部逐月开展情况和季度、年度要求（来自历史记录）")
    _common(cal)
    cal.add_argument("--kind", choices=list(REQUIRED_KINDS), help="只统计这一类会议（默认：全部提交）")
    pts = sub.add_parser("points", help="党员每季度参会情况和扣分（来自历史记录，可导入积分系统）")
    _common(pts)
    pts.add_argument("--branch", help="只统计这个支部")
    pts.add_argument(
        "--rules", type=Path, help="扣分规则 YAML（deduct_absent_without_leave 等，默认按 002 细则）"
    )


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--history", type=Path, default=None, metavar="PATH", help="历史记录文件（默认在用户数据目录）"
    )
    p.add_argument("--from", dest="first", help="起始月份 YYYY-MM（默认最早的记录）")
    p.add_argument("--to", dest="last", help="结束月份 YYYY-MM（默认最晚的记录）")
    p.add_argument("--format", choices=["text", "csv", "xlsx"], default="text", help="输出格式")
    p.add_argument("--output", type=Path, help="写入文件（xlsx 必须指定）")
    p.add_argument("--debug", action="store_true", help="出现内部错误时显示完整的调用栈")


def run_calendar(args: argparse.Namespace) -> int:
    from jishi.calendar import calendar_csv, calendar_grid, calendar_text, calendar_xlsx

    first, last = _months(args)
    with open_records(args.history) as store:
        grid = calendar_grid(store.submissions(), first, last, kind=args.kind)
    fmt = args.format
    _write(
        args,
        calendar_xlsx(grid) if fmt == "xlsx" else calendar_csv(grid) if fmt == "csv" else calendar_text(grid),
    )
    return 0


def run_points(args: argparse.Namespace) -> int:
    from core.meta import load_yaml_model
    from jishi.calendar import PointsRules, attendance_points, points_csv, points_text, points_xlsx

    rules = load_yaml_model(PointsRules, args.rules) if args.rules else PointsRules()
    first, last = _months(args)
    with open_records(args.history) as store:
        subs = [
            s
            for s in store.submissions(args.branch)
            if (first is None or s.month >= first) and (last is None or s.month <= last)
        ]
    points = attendance_points(subs, rules)
    fmt = args.format
    _write(
        args,
        points_xlsx(points) if fmt == "xlsx" else points_csv(points) if fmt == "csv" else points_text(points),
    )
    return 0


def _months(args: argparse.Namespace) -> tuple[str | None, str | None]:
    import re

    for value in (args.first, args.last):
        if value is not None and not re.match(_MONTH, value):
            raise UsageError(f"月份格式有误：{value}", hint="请写成 YYYY-MM，例如 2024-03。")
    return args.first, args.last


def _write(args: argparse.Namespace, out: str | bytes) -> None:
    if isinstance(out, bytes) and args.output is None:
        raise UsageError("xlsx 格式需要用 --output 指定写入的文件", hint="例如 --output 开展情况.xlsx")
    if args.output is None:
        sys.stdout.write(out if isinstance(out, str) else "")
        return
    try:
        if isinstance(out, bytes):
            args.output.write_bytes(out)
        else:
            args.output.write_text(out, encoding="utf-8-sig")  # with a BOM: Excel opens the CSV as UTF-8
    except OSError as exc:
        raise UsageError(
            f"无法写入文件 {args.output}：{exc.strerror}", hint="请检查路径和写入权限。"
        ) from exc


@contextmanager
def open_records(path: Path | None) -> Iterator[RecordStore]:
    """The submissions history (the same file as the photo history), closed afterwards."""
    from store.history import default_history_path
    from store.records import RecordStore

    with RecordStore(path or default_history_path()) as store:
        yield store


def today() -> dt.date:
    return dt.date.today()
