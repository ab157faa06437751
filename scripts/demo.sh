#!/usr/bin/env bash
# One command: set everything up, build the sample corpus, check a sample submission.
# Usage: bash scripts/demo.sh [case]   (default case: ok_prose_docx; see fixtures/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m fixtures.generate fixtures/corpus >/dev/null
case="${1:-ok_prose_docx}"
mkdir -p out
set +e
.venv/bin/jishi check "fixtures/corpus/$case" --format html --output "out/$case.html"
.venv/bin/jishi check "fixtures/corpus/$case"
status=$?
echo "（HTML 报告：out/$case.html；退出码 $status：0 合格，1 不合格或需人工复核，2 材料或参数有误）"
