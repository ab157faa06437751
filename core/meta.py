"""The submission data a branch provides: submission.yaml, branch.yaml, plan.yaml.

Every model forbids unknown keys, so a typo is an error that names the file and
field instead of being silently ignored.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from core.errors import ConfigError
from core.settings import Limits

M = TypeVar("M", bound=BaseModel)

Category = Literal[
    "主题党日", "支部党员大会", "支委会", "党小组会", "党课", "组织生活会", "民主评议党员", "其他活动"
]
MemberRole = Literal["书记", "副书记", "委员", "党员", "预备党员"]
# The branch committee (支委): who may preside (001 §六) and who signs a 支委会 record (000 备注4).
COMMITTEE_ROLES: tuple[MemberRole, ...] = ("书记", "副书记", "委员")
COMMITTEE_TITLES = (*COMMITTEE_ROLES, "支委")  # how a record writes those roles before or after a name

# Named defaults, from the organisation's own rules (shared/seeds 000 备注 and 001).
DEFAULT_MIN_ATTENDANCE_RATIO = 0.8  # 001 §三: 参加人数必须达到本支部党员总数的80%以上
DEFAULT_UPLOAD_WITHIN_WORKDAYS = 5  # 000 备注4: 5个工作日内上传
MAX_FACE_REFERENCES = 10  # reference photos per person


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SubmissionMeta(_Strict):
    """submission.yaml: what the branch secretary entered on the platform."""

    id: Annotated[str, Field(min_length=1, max_length=128)] | None = None  # the platform's submission id
    branch: str | None = None
    categories: list[Category] = Field(default_factory=lambda: list[Category](["主题党日"]))
    meeting_date: dt.date | None = None
    reported_attendance: Annotated[int, Field(ge=0, le=100000)] | None = None
    uploaded_at: dt.datetime | None = None


class Member(_Strict):
    name: Annotated[str, Field(min_length=2, max_length=10)]
    role: MemberRole = "党员"

    @field_validator("name")
    @classmethod
    def _strip(cls, v: str) -> str:
        return v.strip()


class Branch(_Strict):
    """branch.yaml: the roster."""

    name: str | None = None
    members: list[Member] = Field(default_factory=list)
    leaders: list[str] = Field(default_factory=list)
    # Reference photos for the face check (leader.in_photos): person -> photo paths, relative to
    # branch.yaml, enrolled with `jishi faces enrol`. The leaders' are matched; the other
    # members' calibrate the unit's threshold. Only embeddings and a thumbnail are kept.
    face_references: dict[
        Annotated[str, Field(min_length=2, max_length=10)],
        Annotated[
            list[Annotated[str, Field(min_length=1, max_length=500)]], Field(max_length=MAX_FACE_REFERENCES)
        ],
    ] = Field(default_factory=dict)
    face_check: bool = True  # the unit's switch: False turns leader.in_photos off and keeps no face data

    def names(self) -> list[str]:
        return [m.name for m in self.members]

    def role_of(self, name: str) -> MemberRole | None:
        return next((m.role for m in self.members if m.name == name), None)


class Plan(_Strict):
    """plan.yaml: the month plan from the party committee."""

    month: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}$")
    deadline: dt.date | None = None
    required_items: list[str] = Field(default_factory=list)
    materials: list[str] = Field(default_factory=list)
    min_attendance_ratio: Annotated[float, Field(gt=0, le=1)] = DEFAULT_MIN_ATTENDANCE_RATIO
    upload_within_workdays: Annotated[int, Field(ge=0, le=60)] = DEFAULT_UPLOAD_WITHIN_WORKDAYS


def _format_validation(source: str, err: ValidationError) -> str:
    lines = []
    for e in err.errors():
        where = ".".join(str(p) for p in e["loc"]) or "(整个文件)"
        kind = e["type"]
        if kind == "extra_forbidden":
            what = "未知字段（请检查拼写，或删除该字段）"
        elif kind == "missing":
            what = "缺少必填字段"
        else:
            what = f"取值不合法：{e['msg']}（当前值：{e.get('input')!r}）"
        lines.append(f"{source} 的字段 {where}：{what}")
    return "；".join(lines)


# libyaml's safe loader when PyYAML was built with it (same safe tags, ten times faster: the
# worker parses three YAML files per check); the pure-Python one otherwise.
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml_model(model: type[M], text: str, source: str) -> M:
    """Parse YAML text into ``model``; raise ConfigError naming file and field."""
    try:
        raw: Any = yaml.load(text, Loader=SAFE_LOADER) if text.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark else ""
        raise ConfigError(
            f"{source} 不是合法的 YAML {where}",
            hint="请按 README 中的格式填写（键: 值，缩进用空格）。",
        ) from exc
    except (ValueError, RecursionError) as exc:  # e.g. a date such as 2022-19-23, absurd nesting
        raise ConfigError(
            f"{source} 中有不合法的值：{exc}", hint="请检查日期等取值（日期格式如 2022-12-23）。"
        ) from exc
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{source} 的内容应为“键: 值”的映射", hint="请按 README 中的格式填写。")
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(_format_validation(source, exc), hint="请按 README 中的格式修改后重试。") from exc


def load_yaml_model(model: type[M], path: Path, limits: Limits | None = None) -> M:
    limits = limits or Limits()
    try:
        size = path.stat().st_size
        if size > limits.max_yaml_bytes:
            raise ConfigError(
                f"{path.name} 过大（{size} 字节）", hint=f"配置文件不应超过 {limits.max_yaml_bytes} 字节。"
            )
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise ConfigError(f"找不到配置文件 {path}", hint="请检查路径。") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path.name} 不是 UTF-8 编码的文本", hint="请用 UTF-8 编码保存该文件。") from exc
    return parse_yaml_model(model, text, path.name)
