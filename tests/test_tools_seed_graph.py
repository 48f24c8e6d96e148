"""tools/seed_graph_png.py, which makes docs/seed-graph.png, on a sample graph in headless Chromium."""
import struct
import sys
from pathlib import Path

import pytest
from test_render import sample_graph

from graphx.render import render_html

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import seed_graph_png

pytestmark = pytest.mark.browser


def test_screenshot_of_the_settled_page(tmp_path):
    pytest.importorskip("playwright", reason="needs Playwright's Python package: pip install playwright")
    chromium = seed_graph_png.chromium_path()
    if chromium is None:
        pytest.skip("needs Chromium: apt-get install chromium chromium-driver (or set GRAPHX_CHROMIUM)")
    html, png = tmp_path / "graph.html", tmp_path / "shot" / "graph.png"
    html.write_text(render_html(sample_graph()), encoding="utf-8")
    seed_graph_png.screenshot(html, png, chromium)
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (seed_graph_png.VIEWPORT["width"], seed_graph_png.VIEWPORT["height"])


def test_the_readme_names_the_script():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "docs/seed-graph.png" in readme and "tools/seed_graph_png.py" in readme


def test_the_big_screenshot_is_of_a_2000_article_build(tmp_path):
    text = seed_graph_png.build_big(tmp_path).read_text(encoding="utf-8")
    assert "Erstellt aus 2.000 Artikeln" in text and 'id="graphx-note-max-nodes"' in text
