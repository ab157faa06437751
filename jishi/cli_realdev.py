"""``jishi eval-realdev``: the realdev scorer on the command line (see ``jishi.evaluate_realdev``)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from core.errors import ExitCode, UsageError


def add_realdev_parser(sub: argparse._SubParsersAction) -> None:
    ev = sub.add_parser("eval-realdev", help="用 realdev（真实写法的会议记录及标注）逐字段评测记录提取")
    ev.add_argument(
        "directory",
        type=Path,
        nargs="?",
        default=None,
        help="含 NNN.txt 与 labels.jsonl 的目录（默认 ../shared/realdev 或环境变量 JISHI_REALDEV）",
    )
    ev.add_argument("--format", choices=["text", "json"], default="text", help="输出格式")
    ev.add_argument(
        "--baseline",
        type=Path,
        help="上次记录的成绩（JSON）；任何一项比它差（字段准确率更低，或规则误判更多）即失败",
    )
    ev.add_argument("--debug", action="store_true", help="出现内部错误时显示完整的调用栈")


def realdev_summary(directory: Path | None) -> dict[str, Any]:
    """The realdev scores of ``directory`` (default: ../shared/realdev or JISHI_REALDEV)."""
    from core.settings import load_settings
    from jishi.evaluate_realdev import default_dir, evaluate_realdev

    return evaluate_realdev(directory or default_dir(), load_settings()).summary()


def realdev_json(summary: dict[str, Any], drops: list[str] | None = None) -> dict[str, Any]:
    from jishi.evaluate_realdev import baseline_view

    return {**baseline_view(summary), "misses": summary["misses"], "below_baseline": drops or []}


def render_realdev(summary: dict[str, Any]) -> str:
    from jishi.evaluate_realdev import render_text

    return render_text(summary)


def run_realdev(args: argparse.Namespace) -> int:
    from jishi.evaluate_realdev import below_baseline

    summary = realdev_summary(args.directory)
    drops: list[str] = []
    if args.baseline:
        try:
            drops = below_baseline(summary, json.loads(args.baseline.read_text(encoding="utf-8")))
        except (OSError, json.JSONDecodeError) as exc:
            raise UsageError(
                f"无法读取基线文件 {args.baseline}：{exc}", hint="请检查路径和 JSON 格式。"
            ) from exc
    if args.format == "json":
        sys.stdout.write(json.dumps(realdev_json(summary, drops), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_realdev(summary) + "".join(f"低于基线：{d}\n" for d in drops))
    return ExitCode.FLAGGED if drops else ExitCode.OK
