"""Browser fixtures: Debian's chromium through Playwright (support.headless), pages built from known data."""
import pytest

from conftest import PAGES, ROOT, page
from kg.run.build import build_kb, write_outputs
from kg.viz import write_pages
from support.headless import browser_context, chromium_path, watched_page
from viz_kb import small_kb

SCREENSHOTS = ROOT / "build" / "screenshots"


@pytest.fixture(scope="session")
def browser():
    assert chromium_path(), "chromium (Debian's package) is installed by `make install`"
    with browser_context(viewport=(1400, 860)) as ctx:
        yield ctx


@pytest.fixture(scope="session")
def small_site(tmp_path_factory):
    """The hand-made knowledge base (tests/viz_kb.py); only its 8 best-connected nodes shown at start."""
    out = tmp_path_factory.mktemp("small_site")
    write_pages(small_kb(), out, title="示例", max_nodes=8)
    return out


@pytest.fixture(scope="session")
def samples_site(tmp_path_factory):
    """The bundled sample pages, built as `kg build` builds them."""
    out = tmp_path_factory.mktemp("samples_site")
    kb, summary = build_kb(None)
    write_outputs(kb, out, summary)
    return out


@pytest.fixture(scope="session")
def pages_site(tmp_path_factory):
    """The three annotated pages of 衡阳日报 in one build, as `kg build` makes it (page 002 has no masthead: its
    issue date comes from a --dates table); the folder and the build's summary. Needs ../shared (needs_shared)."""
    out = tmp_path_factory.mktemp("pages_site")
    (out / "dates.tsv").write_text(f"{page('002').name}\t2020-11-21\n", encoding="utf-8")
    kb, summary = build_kb(sorted(PAGES.glob("*.txt")), dates=out / "dates.tsv", jobs=1)
    write_outputs(kb, out / "site", summary)
    return out / "site", summary


@pytest.fixture
def open_page(browser):
    """Open a file in a fresh tab, wait until the graph is drawn; the test gets (page, watch)."""
    pages = []

    def _open(path, fragment="", wait_graph=True):
        page, watch = watched_page(browser)
        pages.append(page)
        page.goto(path.as_uri() + fragment)
        if wait_graph:
            page.wait_for_function("window.kg && window.kg.drawnAt", timeout=30_000)
        return page, watch

    yield _open
    for p in pages:
        p.close()


def screenshot(page, name: str, full_page: bool = False) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=full_page)
