"""Regenerate docs/seed-graph.png and docs/graph-2000-articles.png: build the seeds with the current code
and model (and a synthetic 2,000-article graph from benchmarks/bench_render.py), open each graph.html in
headless Chromium (Playwright) and take a screenshot once the layout has settled.

    python tools/seed_graph_png.py [--out docs/seed-graph.png] [--big-out docs/graph-2000-articles.png]
                                   [--chromium PATH]

Needs Debian's `chromium` (or GRAPHX_CHROMIUM) and Playwright's Python package.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "docs" / "seed-graph.png"
BIG_OUT = ROOT / "docs" / "graph-2000-articles.png"
BIG_ARTICLES = 2000             # the synthetic generator puts 25 relations into each article
VIEWPORT = {"width": 1400, "height": 900}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("GRAPHX_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def build_seeds(out_dir: Path) -> Path:
    """graph.html of the seed articles, built like `graphx build seeds/ --no-store`."""
    from graphx.pipeline import build

    result = build([ROOT / "seeds"], out_dir, use_store=False)
    if result.warnings:
        raise SystemExit("the seeds gave warnings: " + "; ".join(result.warnings))
    return out_dir / "graph.html"


def build_big(out_dir: Path) -> Path:
    """graph.html of a synthetic build of BIG_ARTICLES articles (3,000 entities), rendered as graphx does."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_render import synthetic_graph

    from graphx.graph import write_atomic
    from graphx.render import render_html

    G = synthetic_graph(3000, 25 * BIG_ARTICLES, seed=42)
    G.graph["built_at"] = "2026-01-01T12:00:00+00:00"   # a fixed time: the picture depends on the code only
    html = out_dir / "graph.html"
    write_atomic(html, render_html(G))
    return html


def screenshot(html: Path, png: Path, chromium: str, timeout_ms: int = 60_000) -> None:
    """A screenshot of the page once `window.graphx.stable` (the layout has settled)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(Path(html).resolve().as_uri())
            waited = 0                       # polled from outside: the page's CSP refuses eval
            while not page.evaluate("window.graphx && window.graphx.stable === true"):
                if waited >= timeout_ms:
                    raise SystemExit(f"the layout of {html} did not settle within {timeout_ms} ms")
                page.wait_for_timeout(100)
                waited += 100
            png.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(png))
        finally:
            browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"the PNG to write (default {OUT})")
    parser.add_argument("--big-out", type=Path, default=BIG_OUT,
                        help=f"the PNG of the {BIG_ARTICLES:,}-article build (default {BIG_OUT})")
    parser.add_argument("--chromium", default=chromium_path(), help="Chromium binary (default: Debian's chromium)")
    args = parser.parse_args()
    if not args.chromium:
        parser.error("no Chromium found: apt-get install chromium chromium-driver, or pass --chromium PATH")
    with tempfile.TemporaryDirectory(prefix="graphx-seeds-") as folder:
        screenshot(build_seeds(Path(folder)), args.out, args.chromium)
    print(f"wrote {args.out}")
    with tempfile.TemporaryDirectory(prefix="graphx-big-") as folder:
        screenshot(build_big(Path(folder)), args.big_out, args.chromium)
    print(f"wrote {args.big_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
