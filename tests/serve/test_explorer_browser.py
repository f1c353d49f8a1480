"""The explorer page in a real headless Chromium (Debian's `chromium`, driven by Playwright):
search 大兴区总工会, open it, see its officials and an allocation with its evidence sentence,
run a README question, and take a screenshot that is not blank."""
import shutil

import pytest

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
from PIL import Image, ImageStat  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def page(server):
    if CHROMIUM is None:
        pytest.skip("no chromium on this machine: .ci/run installs Debian's package (apt-get install chromium)")
    with playwright_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        yield page
        browser.close()


def test_search_open_a_union_and_run_a_query(page, server, tmp_path_factory):
    page.goto(server + "/")
    page.fill("#search", "大兴区总工")
    result = page.locator("#results a", has_text="大兴区总工会").first
    result.wait_for(timeout=10_000)
    result.click()
    page.wait_for_selector("#entity-view h2", timeout=10_000)
    assert "大兴区总工会" in page.inner_text("#entity-view h2")
    officials = page.inner_text("#entity-view table.positions")
    assert "侯月海" in officials and "副主席" in officials
    events = page.inner_text("#entity-view")
    assert "拨付" in events and "及时向区总工会申请医疗救助金3万元" in events  # an allocation's evidence sentence
    assert "30,000 元" in events
    page.wait_for_function("document.querySelector('.neighbourhood img').naturalWidth > 0", timeout=10_000)

    page.click("#nav-query")
    page.wait_for_selector("#examples button", timeout=10_000)
    page.click("#examples button[title='officials_of_union']")
    page.wait_for_selector("#result-table tbody tr", timeout=10_000)
    assert "侯月海" in page.inner_text("#result-table")

    shot = tmp_path_factory.mktemp("browser") / "explorer.png"
    page.screenshot(path=str(shot), full_page=True)
    image = Image.open(shot).convert("L")
    assert image.size[0] >= 1280 and max(ImageStat.Stat(image).stddev) > 20  # not one flat colour
    print(f"screenshot: {shot}")
