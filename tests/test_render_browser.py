"""graphx.render in a real browser: headless Chromium (Debian's `chromium`) driven by Playwright.

Skips, with the reason, when Playwright or Chromium is not installed; a Chromium that is installed
but does not start is a failure, not a skip.
"""
from __future__ import annotations

import os
import shutil

import pytest

from graphx.render import render_html

try:
    from tests.test_render import (PAYLOAD, hostile_graph, random_graph,  # noqa: F401
                                   sample_graph)
except ImportError:  # tests/ is not a package: pytest puts tests/ itself on sys.path
    from test_render import PAYLOAD, hostile_graph, random_graph, sample_graph

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def chromium_path():
    for candidate in (os.environ.get("GRAPHX_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests need Playwright's Python package: pip install playwright")
    executable = chromium_path()
    if executable is None:
        pytest.skip("browser tests need Chromium: apt-get install chromium chromium-driver "
                    "(or set GRAPHX_CHROMIUM to a Chromium binary)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Opened:
    """A page loaded from disk, with every console message, page error and request recorded."""

    def __init__(self, browser, path, *, wait_stable=True, timeout_ms=30_000):
        self.context = browser.new_context(viewport={"width": 1400, "height": 850})
        self.requests, self.messages, self.errors = [], [], []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.messages.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri())
        if wait_stable:
            self.wait_for("window.graphx && window.graphx.stable === true", timeout_ms)

    def wait_for(self, expression, timeout_ms):
        """Poll from outside: Playwright's wait_for_function evaluates strings in the page, which the
        page's Content-Security-Policy (no 'unsafe-eval') rightly refuses."""
        waited = 0
        while not self.page.evaluate(expression):
            if waited >= timeout_ms:
                raise AssertionError(f"timed out after {timeout_ms} ms waiting for {expression}")
            self.page.wait_for_timeout(50)
            waited += 50

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        if url.startswith("file://"):
            route.continue_()
        else:
            route.abort()

    def js(self, expression, arg=None):
        return self.page.evaluate(expression, arg)

    def edge_point(self, edge_id):
        """Viewport coordinates of the middle of a (straight) edge."""
        return self.js("""(id) => {
            const e = graphx.edges.get(id), p = graphx.network.getPositions([e.from, e.to]);
            const c = graphx.network.canvasToDOM({x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2});
            const r = document.getElementById('graphx-network').getBoundingClientRect();
            return {x: c.x + r.left, y: c.y + r.top};
        }""", edge_id)

    def hidden_edges(self):
        """Edge ids vis-network itself treats as hidden (what it does not draw)."""
        return set(self.js("Object.values(graphx.network.body.edges)"
                           ".filter(e => e.options.hidden || !e.connected).map(e => e.id)"))

    def close(self):
        self.context.close()


@pytest.fixture
def open_page(browser, tmp_path):
    opened = []

    def _open(G, name="graph.html", **kwargs):
        path = tmp_path / name
        path.write_text(render_html(G, **{k: v for k, v in kwargs.items() if k != "wait_stable"}),
                        encoding="utf-8")
        page = Opened(browser, path, wait_stable=kwargs.get("wait_stable", True))
        opened.append(page)
        return page

    yield _open
    for page in opened:
        page.close()


def test_page_loads_offline_without_console_errors_or_requests(open_page, tmp_path):
    G = sample_graph()
    page = open_page(G)
    page.page.wait_for_timeout(300)
    assert page.errors == []
    assert [m for m in page.messages if m[0] in ("error", "warning")] == []
    assert page.requests == [(tmp_path / "graph.html").as_uri()]
    assert page.js("typeof vis") == "object" and page.js("document.body.dataset.graphxStable") == "true"


def test_numbers_of_nodes_and_edges_on_the_page_equal_the_graphs(open_page):
    G = sample_graph()
    page = open_page(G)
    n, m = G.number_of_nodes(), G.number_of_edges()
    assert page.js("[graphx.nodes.length, graphx.edges.length]") == [n, m]
    assert page.js("[Object.keys(graphx.network.body.nodes).length, Object.keys(graphx.network.body.edges).length]") == [n, m]
    assert page.hidden_edges() == set()
    counts = page.page.locator("#graphx-counts")
    assert counts.get_attribute("data-nodes") == str(n) and counts.get_attribute("data-edges") == str(m)
    assert counts.inner_text() == f"Showing {n} entities and {m} relations."
    labels = page.js("graphx.nodes.get().map(n => n.label)")
    assert sorted(labels) == sorted(G.nodes[x]["label"] for x in G)
    heading = page.page.locator("#graphx-provenance").inner_text()
    assert "3 articles" in heading and "de_graphx_news 0.3.1" in heading and "2024-10-24T08:15:00" in heading


def test_max_nodes_shows_n_entities_and_says_so(open_page):
    G = random_graph(50, 90)
    page = open_page(G, max_nodes=12)
    assert page.js("graphx.nodes.length") == 12
    note = page.page.locator("#graphx-note-max-nodes")
    assert note.is_visible() and f"12 most central of {G.number_of_nodes()}" in note.inner_text()


def test_evidence_markup_shows_as_text_and_executes_nothing(open_page):
    page = open_page(hostile_graph(), title="<script>window.__pwned=9</script>")
    edge_id = page.js("graphx.edges.get({filter: e => e.from === '<b>Fett</b> GmbH'})[0].id")
    point = page.edge_point(edge_id)

    page.page.mouse.move(point["x"], point["y"])          # hover: tooltip with the evidence
    tooltip = page.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert PAYLOAD.split(" <!--")[0] in tooltip.text_content()
    assert page.js("document.querySelectorAll('div.vis-tooltip *').length") > 0
    assert page.js("document.querySelectorAll('div.vis-tooltip :is(img, script, a, strong, b, i)').length") == 0

    page.page.mouse.click(point["x"], point["y"])         # click: every evidence sentence in the panel
    details = page.page.locator("#graphx-details")
    assert details.get_attribute("data-edge") == edge_id
    sentences = page.js("[...document.querySelectorAll('#graphx-details blockquote')].map(b => b.textContent)")
    assert sentences == [PAYLOAD]
    text = details.text_content()
    assert '<a href="https://evil.example/">Quelle</a>' in text and "<b>Fett</b> GmbH" in text
    assert 'evil<img src=x onerror="window.__pwned=4">.txt' in text
    assert page.js("document.querySelectorAll('#graphx-details :is(img, script, a, strong, b, i)').length") == 0
    assert page.js("document.title") == "<script>window.__pwned=9</script>"
    assert page.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.js("document.scripts.length") == 3

    page.js("graphx.focus('<b>Fett</b> GmbH')")           # entity details: name, aliases as text
    assert "<script>window.__pwned=5</script>" in details.text_content()
    page.page.wait_for_timeout(300)
    assert page.js("window.__pwned") is None
    assert page.errors == [] and len(page.requests) == 1


def test_every_evidence_sentence_of_an_edge_is_listed_with_source_and_status(open_page):
    G = sample_graph()
    page = open_page(G)
    edge_id = page.js("graphx.edges.get({filter: e => e.from === 'Nordkorea' && e.to === 'Russland' "
                      "&& graphx.edgeInfo.get(e.id).relation === 'supplies'})[0].id")
    page.js("(id) => graphx.showEdge(id)", edge_id)
    items = page.js("[...document.querySelectorAll('#graphx-details ol.graphx-evidence > li')].map(li => "
                    "[li.querySelector('blockquote').textContent, li.querySelector('.graphx-article').textContent, "
                    "li.querySelector('.graphx-attribution').textContent, li.querySelector('.graphx-status-badge').textContent])")
    evidence = G.edges["Nordkorea", "Russland", "supplies"]["evidence"]
    assert len(items) == len(evidence) == 2
    for (sentence, article, attribution, status), ev in zip(items, evidence):
        assert (sentence, article, status) == (ev["sentence"], ev["article"], ev["status"])
        assert attribution == f"said by {ev['attribution']}"


def test_relation_and_type_filters_hide_the_right_edges(open_page):
    G = sample_graph()
    page = open_page(G)
    info = page.js("graphx.edges.get().map(e => [e.id, e.from, e.to, graphx.edgeInfo.get(e.id).relation])")
    accuses = {i for i, _, _, r in info if r == "accuses"}
    assert len(accuses) == 2

    page.page.click("#filter-relation-accuses")
    assert page.hidden_edges() == accuses
    assert page.page.locator("#graphx-counts").get_attribute("data-edges") == str(len(info) - 2)
    page.page.click("#filter-relation-accuses")
    assert page.hidden_edges() == set()

    page.page.click("#filter-type-PERSON")
    persons = {n for n, d in G.nodes(data=True) if d["type"] == "PERSON"}
    assert set(page.js("graphx.nodes.get({filter: n => n.hidden}).map(n => n.id)")) == persons
    assert page.hidden_edges() == {i for i, s, t, _ in info if s in persons or t in persons}
    page.page.click("#graphx-relations-none")
    assert page.hidden_edges() == {i for i, *_ in info}
    page.page.click("#graphx-relations-all")
    page.page.click("#filter-type-PERSON")
    assert page.hidden_edges() == set() and page.errors == []


def test_search_focuses_an_entity_by_name_or_alias(open_page):
    page = open_page(sample_graph())
    page.page.fill("#graphx-search", "putins")
    page.page.press("#graphx-search", "Enter")
    assert page.js("graphx.network.getSelectedNodes()") == ["Wladimir Putin"]
    assert page.page.locator("#graphx-details h2").inner_text() == "Wladimir Putin"
    offset = ("(() => { const r = document.getElementById('graphx-network').getBoundingClientRect();"
              " const p = graphx.network.getPositions(['Wladimir Putin'])['Wladimir Putin'];"
              " const d = graphx.network.canvasToDOM(p); return [d.x - r.width / 2, d.y - r.height / 2]; })()")
    # the focus animation moves the view onto the node (slower on a busy machine: wait for it, up to 10 s)
    for _ in range(50):
        centre = page.js(offset)
        if abs(centre[0]) < 5 and abs(centre[1]) < 5:
            break
        page.page.wait_for_timeout(200)
    assert abs(centre[0]) < 5 and abs(centre[1]) < 5
    page.page.fill("#graphx-search", "Atlantis")
    page.page.press("#graphx-search", "Enter")
    assert "No entity matches" in page.page.locator("#graphx-search-message").inner_text()


def test_a_300_node_graph_settles_and_then_holds_still(open_page):
    G = random_graph(300, 450)
    page = open_page(G)
    assert page.js("graphx.network.physics.physicsEnabled") is False
    before = page.js("graphx.network.getPositions()")
    page.page.wait_for_timeout(1500)
    after = page.js("graphx.network.getPositions()")
    assert len(before) == 300 and before == after
    assert page.errors == []


def test_diff_view_highlights_new_and_lists_removed(open_page):
    diff = {"nodes_added": ["Myrne"], "nodes_removed": ["Olaf Scholz"],
            "edges_added": [["Nordkorea", "Russland", "supports"]],
            "edges_removed": [["Olaf Scholz", "Russland", "<b>criticizes</b>"]],
            "edges_changed": [{"source": "Nordkorea", "target": "Russland", "relation": "supplies",
                               "old_weight": 1, "new_weight": 2}]}
    page = open_page(sample_graph(), diff=diff)
    panel = page.page.locator("#graphx-diff")
    assert panel.is_visible()
    text = panel.inner_text()
    assert "Removed entities (1)" in text and "Olaf Scholz" in text
    assert "Olaf Scholz — <b>criticizes</b> → Russland" in text
    assert "Nordkorea — supplies → Russland: 1 → 2" in text
    assert page.js("document.querySelectorAll('#graphx-diff b').length") == 0
    assert page.js("graphx.network.body.nodes['Myrne'].options.shadow.enabled") is True
    page.page.get_by_role("button", name="Nordkorea — supports → Russland").click()
    assert page.page.locator("#graphx-details").get_attribute("data-edge") is not None
    assert "new in this version" in page.page.locator("#graphx-details").inner_text()
    assert page.errors == [] and len(page.requests) == 1
