"""The ``jishi`` command. The one boundary that turns errors into exit codes.

Exit status (``core.errors.ExitCode``): 0 compliant; 1 noncompliant or needs_review;
2 bad input or usage (a Chinese message on stderr, no traceback); 3 an internal error
(a jishi bug); 4 the machine lacks something (a tool, a writable disk); 5 transient,
try again. The family of the error's catalogue code decides.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from core.errors import ExitCode, JishiError, UsageError
from core.models import Verdict
from core.settings import ENGINE_NAMES, Settings, load_settings
from jishi.cli_faces import enrolled_faces, reference_thumbnails
from jishi.cli_history import add_history_parsers, open_records, run_calendar, run_points
from jishi.cli_realdev import add_realdev_parser, realdev_json, realdev_summary, render_realdev, run_realdev

if TYPE_CHECKING:
    from store.cache import DocumentCache
    from store.history import HistoryStore


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        raise UsageError(f"命令参数有误：{message}", hint="运行 jishi check --help 查看用法。")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="jishi", description="纪实：检查党支部主题党日、“三会一课”上传材料是否合规。")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = sub.add_parser("check", help="检查一份上传材料（文件夹、zip 或若干文件）")
    check.add_argument("paths", nargs="+", type=Path, help="材料文件夹、.zip 文件或若干文件")
    check.add_argument("--submission", type=Path, help="submission.yaml（平台填报信息）")
    check.add_argument("--branch", type=Path, help="branch.yaml（支部名册）")
    check.add_argument("--plan", type=Path, help="plan.yaml（月度计划）")
    check.add_argument("--format", choices=["text", "json", "html"], default="text", help="报告格式")
    check.add_argument("--output", type=Path, help="把报告写入文件（默认输出到终端）")
    check.add_argument(
        "--ocr-engine",
        choices=ENGINE_NAMES,
        default=None,
        help="识别照片和扫描件的 OCR 引擎（默认 rapidocr；none 表示不识别图片）",
    )
    history = check.add_mutually_exclusive_group()
    history.add_argument(
        "--history",
        type=Path,
        default=None,
        metavar="PATH",
        help="历史记录文件：以往提交的照片、会议记录和开展情况，用于发现重复照片、雷同记录和漏开会议（默认保存在用户数据目录）",
    )
    history.add_argument("--no-history", action="store_true", help="不比对、也不记录历史")
    cache = check.add_mutually_exclusive_group()
    cache.add_argument(
        "--cache",
        type=Path,
        default=None,
        metavar="PATH",
        help="识别结果缓存文件（按文件内容和引擎版本缓存，默认保存在用户缓存目录）",
    )
    cache.add_argument("--no-cache", action="store_true", help="不使用识别结果缓存")
    check.add_argument("--debug", action="store_true", help="出现内部错误时显示完整的调用栈")
    add_plugin_commands(sub)
    add_eval_parser(sub)
    add_history_parsers(sub)
    add_realdev_parser(sub)
    return parser


def add_eval_parser(sub: argparse._SubParsersAction) -> None:
    ev = sub.add_parser("eval", help="用带标注的材料集评测 jishi 的准确率（见 README“评测”）")
    ev.add_argument(
        "directory",
        type=Path,
        nargs="+",
        help="包含各材料文件夹和 labels.json 的目录；可给多个（如调参集与检验集），逐个评测",
    )
    ev.add_argument(
        "--realdev",
        type=Path,
        nargs="?",
        const=True,
        default=None,
        help="同时用 realdev（真实写法的会议记录）逐字段评测；不给目录时用 ../shared/realdev",
    )
    ev.add_argument("--format", choices=["text", "json"], default="text", help="输出格式")
    ev.add_argument(
        "--baseline", type=Path, help="上次记录的成绩（JSON，只用于一个目录）；任何一项低于它即失败"
    )
    ev.add_argument("--ocr-engine", choices=ENGINE_NAMES, default=None, help="OCR 引擎")
    ev.add_argument("--debug", action="store_true", help="出现内部错误时显示完整的调用栈")


def add_plugin_commands(sub: argparse._SubParsersAction) -> None:
    """Commands other packages plug in through the ``jishi.commands`` entry points (``jishi
    serve`` from the service: the application never imports the layer above it by name)."""
    from importlib.metadata import entry_points

    for ep in entry_points(group="jishi.commands"):
        ep.load()(sub)


def main(argv: list[str] | None = None) -> int:
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    # pdfminer logs every oddity of a broken PDF; the finding already says what matters
    logging.getLogger("pdfminer").setLevel(logging.DEBUG if debug else logging.ERROR)
    try:
        args = build_parser().parse_args(argv)
        runners = {
            "eval": run_eval,
            "eval-realdev": run_realdev,
            "calendar": run_calendar,
            "points": run_points,
        }
        run = getattr(args, "run", None) or runners.get(
            args.command, run_check
        )  # a plugin's command sets run
        return run(args)
    except JishiError as exc:
        print(exc.for_user(), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except Exception:  # a jishi bug: say so plainly, keep the traceback for developers
        print("jishi 内部错误（这不是材料的问题），请把以下信息反馈给开发者。", file=sys.stderr)
        if debug:
            traceback.print_exc()
        else:
            print(traceback.format_exc().strip().splitlines()[-1], file=sys.stderr)
        return ExitCode.BUG


def settings_from(args: argparse.Namespace) -> Settings:
    """Settings from the environment (JISHI_…), the command line's OCR engine over them."""
    settings = load_settings()
    if args.ocr_engine:
        settings = settings.model_copy(
            update={"ocr": settings.ocr.model_copy(update={"engine": args.ocr_engine})}
        )
    return settings


def run_check(args: argparse.Namespace) -> int:
    from ingest.submission import load_submission
    from jishi.pipeline import check_submission
    from jishi.report import render

    settings = settings_from(args)
    submission = load_submission(
        args.paths,
        submission_yaml=args.submission,
        branch_yaml=args.branch,
        plan_yaml=args.plan,
        settings=settings,
    )
    with open_history(args) as history, open_cache(args) as cache:
        records = open_records(args.history) if history is not None else nullcontext(None)
        with records as store:
            report = check_submission(
                submission, settings, history=history, cache=cache, records=store, faces=enrolled_faces()
            )
    crops = faces = None
    if args.format == "html":
        from jishi.report.crops import evidence_crops
        from jishi.report.faces import face_views

        crops = evidence_crops(report, submission.files, settings.limits)
        faces = face_views(report, submission.files, settings.limits, reference_thumbnails(report))
    color = args.format == "text" and args.output is None and sys.stdout.isatty()
    text = render(report, args.format, color=color, crops=crops, faces=faces)
    if args.output:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(
                f"无法写入报告文件 {args.output}：{exc.strerror}", hint="请检查路径和写入权限。"
            ) from exc
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return ExitCode.OK if report.verdict == Verdict.COMPLIANT else ExitCode.FLAGGED


def run_eval(args: argparse.Namespace) -> int:
    """Score each labelled directory (and realdev with ``--realdev``); one directory alone
    prints its summary as before, several print one section each."""
    import json

    from jishi.evaluate import evaluate, render_text
    from jishi.pipeline import check_submission

    if args.baseline and (len(args.directory) > 1 or args.realdev):
        raise UsageError("--baseline 只能用于评测单个目录", hint="请分别评测各目录，再各自对照基线。")
    settings = settings_from(args)
    summaries = {str(d): evaluate(d, settings, check_submission).summary() for d in args.directory}
    for summary in summaries.values():
        summary["below_baseline"] = _eval_drops(args.baseline, summary)
    realdev_dir = None if args.realdev is True else args.realdev
    realdev = realdev_summary(realdev_dir) if args.realdev else None
    flagged = any(s["false_passes"] or s["below_baseline"] for s in summaries.values())
    if args.format == "json":
        single = len(summaries) == 1 and realdev is None
        shown = realdev_json(realdev) if realdev is not None else None
        out = next(iter(summaries.values())) if single else {"corpora": summaries, "realdev": shown}
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return ExitCode.FLAGGED if flagged else ExitCode.OK
    sections = len(summaries) > 1 or realdev is not None
    for name, summary in summaries.items():
        drops = "".join(f"低于基线：{d}\n" for d in summary["below_baseline"])
        sys.stdout.write((f"== {name}\n" if sections else "") + render_text(summary) + drops)
    if realdev is not None:
        sys.stdout.write("== realdev\n" + render_realdev(realdev))
    return ExitCode.FLAGGED if flagged else ExitCode.OK


def _eval_drops(baseline: Path | None, summary: dict[str, Any]) -> list[str]:
    import json

    from jishi.evaluate import below_baseline

    if baseline is None:
        return []
    try:
        return below_baseline(summary, json.loads(baseline.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError) as exc:
        raise UsageError(f"无法读取基线文件 {baseline}：{exc}", hint="请检查路径和 JSON 格式。") from exc


@contextmanager
def open_history(args: argparse.Namespace) -> Iterator[HistoryStore | None]:
    """The photo history the flags ask for (None with --no-history), closed afterwards."""
    if args.no_history:
        yield None
        return
    from store.history import HistoryStore, default_history_path

    with HistoryStore(args.history or default_history_path()) as store:
        yield store


@contextmanager
def open_cache(args: argparse.Namespace) -> Iterator[DocumentCache | None]:
    """The document cache the flags ask for (None with --no-cache), closed afterwards."""
    if args.no_cache:
        yield None
        return
    from store.cache import DocumentCache, default_path

    try:
        cache = DocumentCache(args.cache or default_path())
    except (OSError, sqlite3.Error) as exc:
        raise UsageError(
            f"无法打开识别结果缓存：{exc}", hint="请用 --cache 指定可写的路径，或加 --no-cache。"
        ) from exc
    try:
        yield cache
    finally:
        cache.close()


if __name__ == "__main__":
    sys.exit(main())
