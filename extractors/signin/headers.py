"""The one vocabulary of sign-in sheet headers, for typed tables and photographed grids alike."""

from __future__ import annotations

import re

NAME_HEADER = re.compile(r"姓\s*名")  # the printed-name column
SIGN_HEADER = re.compile(r"签\s*[名到字](?!\s*[表册簿单])")  # a 签名/签到/签字 column, not the title 签到表
