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
    from tests.test_render import (
        PAYLOAD,
        dense_graph,
        hostile_graph,
        random_graph,
        sample_graph,
        with_capital_alias,
    )
except ImportError:  # tests/ is not a package: pytest puts tests/ itself on sys.path
    from test_render import (
        PAYLOAD,
        dense_graph,
        hostile_graph,
        random_graph,
        sample_graph,
        with_capital_alias,
    )

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


VISIBLE_NODES = "graphx.nodes.get({filter: n => !n.hidden}).map(n => n.id)"


def first_view(page):
    """What the reader sees once the layout settled: scale, canvas size, the drawn nodes' screen box,
    the on-screen size of every drawn label and of the labels of the most central entities."""
    return page.js("""() => {
        const net = graphx.network, s = net.getScale(), r = document.getElementById('graphx-network').getBoundingClientRect();
        const ids = graphx.nodes.get({filter: n => !n.hidden}).map(n => n.id), pos = net.getPositions(ids);
        const xs = ids.map(id => net.canvasToDOM(pos[id]).x), ys = ids.map(id => net.canvasToDOM(pos[id]).y);
        const label = id => net.body.nodes[id].labelModule;
        return {scale: s, width: r.width, height: r.height, ids: ids,
                box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
                drawn: ids.filter(id => label(id).visible()).map(id => label(id).fontOptions.size * s),
                labelled: graphx.labelled.map(id => [id, label(id).fontOptions.size * s, label(id).visible()])};
    }""")


def test_numbers_of_nodes_and_edges_on_the_page_equal_the_graphs(open_page):
    G = sample_graph()
    page = open_page(G)
    n, m = G.number_of_nodes(), G.number_of_edges()
    pairs = len({(u, v) for u, v in G.edges()})
    connected = sum(1 for x in G if G.degree(x))
    assert page.js("[graphx.nodes.length, graphx.edges.length]") == [n, pairs]
    assert len(page.js(VISIBLE_NODES)) == connected == n - 2
    assert page.hidden_edges() == set()
    counts = page.page.locator("#graphx-counts")
    assert counts.get_attribute("data-nodes") == str(connected) and counts.get_attribute("data-edges") == str(pairs)
    assert counts.get_attribute("data-relations") == str(m)
    assert counts.inner_text() == (f"Zu sehen: {connected} Entitäten und {pairs} Pfeile ({m} Beziehungen) "
                                   f"von {n} Entitäten und {m} Beziehungen im Graphen.")
    labels = page.js("graphx.nodes.get().map(n => n.label)")
    assert sorted(labels) == sorted(G.nodes[x]["label"] for x in G)
    heading = page.page.locator("#graphx-provenance").inner_text()
    assert "3 Artikeln" in heading and "de_graphx_news 0.3.1" in heading and "24.10.2024, 08:15 Uhr UTC" in heading


def test_the_interface_speaks_german_and_english_on_request(open_page):
    page = open_page(sample_graph())
    sidebar = page.page.locator("#graphx-sidebar").inner_text()
    for words in ("Entität suchen", "Filter", "Mindestens Belegsätze", "alle Artikel", "Beziehungen",
                  "Staat", "beschuldigt", "So liest man die Pfeile"):
        assert words in sidebar
    assert page.page.locator("#graphx-status").inner_text().startswith("Angeordnet.")
    assert page.page.locator("#graphx-isolated h2").inner_text().startswith("Ohne Beziehung")
    assert page.js("document.documentElement.lang") == "de"
    english = open_page(sample_graph(), name="en.html", lang="en")
    assert english.page.locator("#graphx-counts").inner_text().startswith("Showing 10 entities and 12 arrows")
    assert "Find an entity" in english.page.locator("#graphx-sidebar").inner_text()


def test_first_view_fills_the_canvas_with_the_core_and_labels_the_central_entities(open_page):
    for G, name in ((sample_graph(), "small.html"), (random_graph(300, 450), "big.html")):
        page = open_page(G, name=name)
        view = first_view(page)
        left, top, right, bottom = view["box"]
        # the drawn (connected) entities spread over the canvas, all inside it
        assert max((right - left) / view["width"], (bottom - top) / view["height"]) >= 0.7, (name, view["box"])
        assert left >= 0 and top >= 0 and right <= view["width"] and bottom <= view["height"]
        # the most central entities carry labels readable without zooming, no drawn label is tiny
        assert len(view["labelled"]) >= min(8, len(view["ids"]))
        assert all(size >= 12 and shown for _, size, shown in view["labelled"]), view["labelled"]
        assert all(size >= 12 for size in view["drawn"])
        ranked = page.js("graphx.nodes.get().map(n => n.id)")
        assert [i for i, *_ in view["labelled"]] == ranked[:len(view["labelled"])]


def test_entities_without_relations_are_a_list_that_can_put_one_on_the_canvas(open_page):
    G = sample_graph()
    page = open_page(G)
    lonely = sorted(x for x in G if G.degree(x) == 0)
    assert lonely == ["Brüssel", "Myrne"]
    assert not set(lonely) & set(page.js(VISIBLE_NODES))
    box = page.page.locator("#graphx-isolated")
    assert box.is_visible() and "Ohne Beziehung (2)" in box.inner_text()
    item = page.page.locator('#graphx-isolated-list li[data-entity="Brüssel"]')
    assert "2 Erwähnungen in 1 Artikel: 000_7d1120e94d63f3e6.txt" in item.inner_text()
    before = int(page.page.locator("#graphx-counts").get_attribute("data-nodes"))
    item.get_by_role("button", name="auf die Fläche").click()
    assert "Brüssel" in page.js(VISIBLE_NODES)
    assert int(page.page.locator("#graphx-counts").get_attribute("data-nodes")) == before + 1
    assert page.page.locator("#graphx-details h2").inner_text() == "Brüssel"
    assert item.get_by_role("button", name="auf der Fläche").is_disabled()


def test_the_list_points_from_a_lone_name_to_the_entity_that_also_goes_by_it(open_page):
    page = open_page(with_capital_alias())
    item = page.page.locator('#graphx-isolated-list li[data-entity="Moskau"]')
    assert "auch Schreibweise von Russland" in item.inner_text()
    item.locator(".graphx-alias-of").get_by_role("button", name="Russland").click()
    assert page.js("graphx.network.getSelectedNodes()") == ["Russland"]
    assert "Moskau" not in page.js(VISIBLE_NODES)


def test_max_nodes_shows_n_entities_and_says_so(open_page):
    G = random_graph(50, 90)
    page = open_page(G, max_nodes=12)
    shown = page.js(VISIBLE_NODES)
    assert 0 < len(shown) <= 12
    note = page.page.locator("#graphx-note-max-nodes")
    connected = sum(1 for x in G if G.degree(x))
    assert note.is_visible() and f"Zu sehen sind die {len(shown)} zentralsten von {connected}" in note.inner_text()


def test_one_arrow_per_pair_lists_every_relation_on_hover(open_page):
    page = open_page(sample_graph())
    edge_id = page.js("graphx.edges.get({filter: e => e.from === 'Nordkorea' && e.to === 'Russland'})[0].id")
    assert page.js("(id) => graphx.edgeInfo.get(id).relations.map(r => r.relation)", edge_id) == [
        "supplies", "supports", "signed_treaty_with"]
    point = page.edge_point(edge_id)
    page.page.mouse.move(point["x"], point["y"])
    tooltip = page.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    text = tooltip.text_content()
    assert "beliefert · 2 Belegsätze" in text and "Vertrag mit · 1 Belegsatz" in text and "unterstützt" in text
    # where a relation's name fits beside its arrow, it is drawn there
    assert page.js("graphx.edges.get().filter(e => e.label && e.label.trim()).length") >= 5


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


def test_every_evidence_sentence_of_an_arrow_is_listed_with_source_and_status(open_page):
    G = sample_graph()
    page = open_page(G)
    edge_id = page.js("graphx.edges.get({filter: e => e.from === 'Nordkorea' && e.to === 'Russland'})[0].id")
    page.js("(id) => graphx.showEdge(id)", edge_id)
    items = page.js("[...document.querySelectorAll('#graphx-details ol.graphx-evidence > li')].map(li => "
                    "[li.querySelector('blockquote').textContent, li.querySelector('.graphx-article').textContent, "
                    "li.querySelector('.graphx-attribution').textContent, li.querySelector('.graphx-status-badge').textContent])")
    evidence = [ev for rel in ("supplies", "supports", "signed_treaty_with")
                for ev in G.edges["Nordkorea", "Russland", rel]["evidence"]]
    assert len(items) == len(evidence) == 4
    status = {"stated": "festgestellt", "alleged": "behauptet"}
    for (sentence, article, attribution, badge), ev in zip(items, evidence):
        assert (sentence, article, badge) == (ev["sentence"], ev["article"], status[ev["status"]])
        assert attribution == (f"Quelle: {ev['attribution']}" if ev["attribution"]
                               else "Quelle: keine (der Artikel selbst)")
    headings = page.js("[...document.querySelectorAll('#graphx-details h3')].map(h => h.textContent.trim())")
    assert headings == ["Nordkorea — beliefert → Russland", "Nordkorea — unterstützt → Russland",
                        "Nordkorea — Vertrag mit → Russland"]


def visible_arrows(page):
    return {tuple(x) for x in page.js("graphx.edges.get({filter: e => !e.hidden}).map(e => [e.from, e.to])")}


def test_relation_and_type_filters_hide_the_right_arrows(open_page):
    G = sample_graph()
    page = open_page(G)
    info = page.js("graphx.edges.get().map(e => [e.id, e.from, e.to, graphx.edgeInfo.get(e.id).relations.map(r => r.relation)])")
    only_accuses = {i for i, _, _, r in info if r == ["accuses"]}
    assert len(only_accuses) == 2

    page.page.click("#filter-relation-accuses")
    assert page.hidden_edges() == only_accuses
    assert "USA" not in page.js(VISIBLE_NODES)            # its one arrow is hidden: so is it
    assert page.page.locator("#graphx-counts").get_attribute("data-edges") == str(len(info) - 2)
    page.page.click("#filter-relation-accuses")
    assert page.hidden_edges() == set()

    page.page.click("#filter-type-PERSON")
    persons = {n for n, d in G.nodes(data=True) if d["type"] == "PERSON"}
    assert not persons & set(page.js(VISIBLE_NODES))
    assert page.hidden_edges() == {i for i, s, t, _ in info if s in persons or t in persons}
    page.page.click("#graphx-relations-none")
    assert page.hidden_edges() == {i for i, *_ in info} and page.js(VISIBLE_NODES) == []
    page.page.click("#graphx-relations-all")
    page.page.click("#filter-type-PERSON")
    assert page.hidden_edges() == set() and page.errors == []


def test_evidence_article_and_status_filters(open_page):
    G = sample_graph()
    page = open_page(G)
    page.page.fill("#graphx-min-evidence", "2")
    assert visible_arrows(page) == {("Nordkorea", "Russland")}
    assert sorted(page.js(VISIBLE_NODES)) == ["Nordkorea", "Russland"]
    page.page.fill("#graphx-min-evidence", "1")
    article = "002_f503d1e831a6b8a5.txt"
    page.page.select_option("#graphx-article", article)
    assert visible_arrows(page) == {(u, v) for u, v, d in G.edges(data=True)
                                    if any(e["article"] == article for e in d["evidence"])}
    assert "Zu sehen: 5 Entitäten und 4 Pfeile" in page.page.locator("#graphx-counts").inner_text()
    page.page.select_option("#graphx-article", "")
    page.page.select_option("#graphx-status-filter", "alleged")
    assert visible_arrows(page) == {(u, v) for u, v, d in G.edges(data=True)
                                    if any(e["status"] == "alleged" for e in d["evidence"])}
    # the arrow now stands for its one alleged relation: its colour and name follow
    arrow = page.js("graphx.edges.get({filter: e => e.from === 'Nordkorea' && e.to === 'Russland'})[0]")
    assert arrow["color"]["color"] == page.js("graphx.meta && JSON.parse(document.getElementById('graphx-data')"
                                              ".textContent).style.relations.supplies.color")
    assert arrow["label"] in ("beliefert", " ")
    page.page.select_option("#graphx-status-filter", "")
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
    assert "Keine Entität passt zu „Atlantis“" in page.page.locator("#graphx-search-message").inner_text()


def test_a_300_node_graph_settles_and_then_holds_still(open_page):
    G = random_graph(300, 450)
    page = open_page(G, max_nodes=300)
    assert page.js("graphx.network.physics.physicsEnabled") is False
    before = page.js("graphx.network.getPositions()")
    page.page.wait_for_timeout(1500)
    after = page.js("graphx.network.getPositions()")
    assert len(before) == sum(1 for x in G if G.degree(x)) > 250 and before == after
    assert page.errors == []


def test_diff_view_highlights_new_and_lists_removed(open_page):
    diff = {"nodes_added": ["Myrne"], "nodes_removed": ["Olaf Scholz"],
            "edges_added": [["Nordkorea", "Russland", "supports"]],
            "edges_removed": [["Olaf Scholz", "Russland", "<b>criticizes</b>"]],
            "edges_changed": [{"source": "Nordkorea", "target": "Russland", "relation": "supplies",
                               "old_weight": 1, "new_weight": 2}],
            "rank_moves": [{"entity": "Nato", "old_rank": 9, "new_rank": 3, "move": 6},
                           {"entity": "USA", "old_rank": 2, "new_rank": 5, "move": -3}]}
    page = open_page(sample_graph(), diff=diff)
    panel = page.page.locator("#graphx-diff")
    assert panel.is_visible()
    text = panel.inner_text()
    assert "Entfernte Entitäten (1)" in text and "Olaf Scholz" in text
    assert "Olaf Scholz — <b>criticizes</b> → Russland" in text
    assert "Nordkorea — beliefert → Russland: 1 → 2" in text
    assert page.js("document.querySelectorAll('#graphx-diff b').length") == 0
    assert page.js("graphx.network.body.nodes['Myrne'].options.shadow.enabled") is True
    # the chart of the largest centrality moves: one bar each, as long as the move
    bars = page.js("[...document.querySelectorAll('#graphx-moves .graphx-move-row')].map(r => "
                   "[r.firstChild.textContent, r.querySelector('.graphx-move-bar').getBoundingClientRect().width, "
                   "r.querySelector('.graphx-move-bar').classList.contains('graphx-move-up')])")
    assert [(name, up) for name, _, up in bars] == [("Nato", True), ("USA", False)]
    assert bars[0][1] == pytest.approx(2 * bars[1][1], rel=0.05)
    assert "Rang 9 → 3" in page.page.locator("#graphx-moves").inner_text()
    page.page.get_by_role("button", name="Nordkorea — unterstützt → Russland").click()
    assert page.page.locator("#graphx-details").get_attribute("data-edge") is not None
    assert "Neu in dieser Fassung" in page.page.locator("#graphx-details").inner_text()
    assert page.errors == [] and len(page.requests) == 1


def test_a_dense_graph_starts_with_its_best_supported_arrows(open_page):
    page = open_page(dense_graph())
    first = page.js("graphx.meta.arrows_at_min_evidence")
    assert page.page.locator("#graphx-min-evidence").input_value() == str(page.js("graphx.meta.min_evidence")) == "2"
    assert len(visible_arrows(page)) == first == 40
    assert page.page.locator("#graphx-note-min-evidence").is_visible()
    view = first_view(page)
    left, top, right, bottom = view["box"]
    assert max((right - left) / view["width"], (bottom - top) / view["height"]) >= 0.7
    assert all(size >= 12 and shown for _, size, shown in view["labelled"])
    page.page.fill("#graphx-min-evidence", "1")
    assert len(visible_arrows(page)) == 40 * 39 and page.errors == []
