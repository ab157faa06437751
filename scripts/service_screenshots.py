"""Screenshots of the two service pages for the README (docs/service-*.jpg).

Usage: .venv/bin/python scripts/service_screenshots.py
Starts `jishi serve` in a temp dir, uploads a generated submission with a photographed
sign-in sheet as the sample secretary, and photographs her report page and the
inspector's review queue and submission page in Debian's chromium.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page  # noqa: E402

from fixtures.servers import Server, jishi_serve  # noqa: E402

CASE = "v_signin_photo_mismatch"
OUT = ROOT / "docs"
WIDTH, HEIGHT = 1200, 1300
JPEG_QUALITY = 80
CHECK_TIMEOUT_MS = 600_000


def main() -> int:
    from playwright.sync_api import sync_playwright

    from fixtures import generate
    from tests.service.conftest import build_zip
    from tests.service.web.conftest import LAUNCH_ARGS, chromium_path

    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="jishi-shots-") as tmp:
        base = Path(tmp)
        case = next(c for c in generate.build_cases() if c.name == CASE)
        generate.write_case(base, case)
        upload = base / "十二月主题党日.zip"
        upload.write_bytes(build_zip(base / CASE))
        with jishi_serve(base / "data") as server, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(chromium_path()), args=LAUNCH_ARGS)
            page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
            login(page, server, "shuji")
            page.get_by_label("材料文件").set_input_files(upload)
            page.get_by_role("button", name="上传并检查").click()
            page.locator("#verdict").wait_for(timeout=CHECK_TIMEOUT_MS)
            page.screenshot(path=OUT / "service-self-check.jpg", type="jpeg", quality=JPEG_QUALITY)
            page.context.clear_cookies()
            login(page, server, "ducha")
            page.screenshot(path=OUT / "service-review.jpg", type="jpeg", quality=JPEG_QUALITY)
            page.locator("#queue a").first.click()
            page.wait_for_url("**/submissions/*")
            page.locator("details summary").first.click()
            page.screenshot(path=OUT / "service-inspector-submission.jpg", type="jpeg", quality=JPEG_QUALITY)
            browser.close()
    print(f"wrote {OUT}/service-*.jpg")
    return 0


def login(page: Page, server: Server, username: str) -> None:
    page.goto(server.url + "/login")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(server.logins[username])
    page.get_by_role("button", name="登录").click()


if __name__ == "__main__":
    sys.exit(main())
