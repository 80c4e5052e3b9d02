"""How graph.html holds up at archive size: load time and frame rate while panning, in headless chromium.

For each size (500, 5,000, 50,000 nodes by default) a synthetic knowledge base
(support.synthetic) is rendered to graph.html, then opened from disk in Debian's
chromium (support.headless: no network, fresh profile):

- render: seconds for kg.viz.render in Python (layout included), and the page's size;
- load: milliseconds from navigation start until vis-network has drawn the graph
  (the page records performance.now() at its first afterDrawing), median of runs;
- pan fps: redraws per second while a mouse drag moves the view for a few seconds
  (vis-network draws on animation frames, so the idle page's frame rate is the ceiling),
  and the mean time one redraw takes;
- focus: milliseconds for a search hit that is not on screen yet to be added with its
  neighbours, highlighted and opened in the panel.

Prints a table and writes bench/VIZ.md. `python bench/viz_bench.py [SIZES...] [--max-nodes N ...]`.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.viz.graph import build_graph
from kg.viz.html import render

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support.headless import browser_context, chromium_path, watched_page  # noqa: E402
from support.synthetic import synthetic_kb  # noqa: E402

HERE = Path(__file__).parent
PAN_SECONDS = 3.0

# Drag the view back and forth for `ms` by dispatching pointer events (as a mouse drag does) on every
# animation frame, so input is never the bottleneck; count vis-network's redraws and time each one.
PAN_JS = """ms => new Promise(resolve => {
  const k = window.kg, frames = [], draws = [];
  let start = 0;
  k.network.on("beforeDrawing", () => { start = performance.now(); });
  k.network.on("afterDrawing", () => { const t = performance.now(); frames.push(t); draws.push(t - start); });
  const canvas = document.querySelector("#graph canvas"), r = canvas.getBoundingClientRect();
  const x0 = r.left + r.width / 2, y0 = r.top + r.height / 2;
  const ev = (type, x, y) => new PointerEvent(type, {clientX: x, clientY: y, pointerId: 1, pointerType: "mouse",
    isPrimary: true, buttons: type === "pointerup" ? 0 : 1, bubbles: true});
  canvas.dispatchEvent(ev("pointerdown", x0, y0));
  const t0 = performance.now();
  let step = 0;
  (function tick() {
    const dx = 200 * Math.sin(++step / 20);
    canvas.dispatchEvent(ev("pointermove", x0 + dx, y0 + dx / 3));
    if (performance.now() - t0 < ms) return requestAnimationFrame(tick);
    canvas.dispatchEvent(ev("pointerup", x0 + dx, y0 + dx / 3));
    resolve({frames, draws, rafs: step});
  })();
})"""

# how often the browser offers a frame at all (headless, no GPU): the ceiling for the pan figure
RAF_JS = """ms => new Promise(resolve => {
  const t0 = performance.now(); let n = 0;
  (function tick() { n++; if (performance.now() - t0 < ms) requestAnimationFrame(tick); else resolve(n / ((performance.now() - t0) / 1000)); })();
})"""

FOCUS_JS = """() => {
  const k = window.kg, D = k.data;
  let i = D.nodes.findIndex(n => !n[6]);          // a node not shown when the page opened
  if (i < 0) i = 0;
  const hit = k.search(D.nodes[i][1], 1);
  const t = performance.now();
  k.focus(hit[0].i);
  return performance.now() - t;
}"""


def measure(path: Path, ctx, runs: int) -> dict:
    """Median over `runs` fresh loads of: load time, pan frame rate and redraw time, search → focus time."""
    loads, fps, draws, focus = [], [], [], []
    for _ in range(runs):
        page, watch = watched_page(ctx)
        page.goto(path.as_uri(), wait_until="commit", timeout=300_000)
        page.wait_for_function("window.kg && window.kg.drawnAt", timeout=300_000, polling=50)
        loads.append(page.evaluate("window.kg.drawnAt"))
        shown = page.evaluate("window.kg.visibleCount()")
        f, d = pan(page)
        fps.append(f)
        draws.append(d)
        focus.append(page.evaluate(FOCUS_JS))
        if watch.errors or watch.requests:
            raise RuntimeError(f"{path}: {watch.errors or watch.requests}")
        page.close()
    med = statistics.median
    return {"load_ms": med(loads), "fps": med(fps), "draw_ms": med(draws), "focus_ms": med(focus), "shown": shown}


def pan(page) -> tuple[float, float]:
    """Redraws per second while the view is dragged for PAN_SECONDS, and the mean redraw in ms."""
    r = page.evaluate(PAN_JS, PAN_SECONDS * 1000)
    frames, draws = r["frames"], r["draws"]
    if len(frames) < 2:
        return 0.0, 0.0
    return (len(frames) - 1) / ((frames[-1] - frames[0]) / 1000), statistics.mean(draws)


def frame_ceiling(ctx) -> float:
    page = ctx.new_page()
    page.set_content("<p>idle</p>")
    rate = page.evaluate(RAF_JS, 2000)
    page.close()
    return rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[500, 5000, 50000])
    ap.add_argument("--max-nodes", type=int, action="append",
                    help="nodes shown when the page opens (repeatable; default 2000, kg build's default)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", type=Path, default=HERE / "VIZ.md")
    args = ap.parse_args()
    args.max_nodes = args.max_nodes or [2000]
    rows = []
    with tempfile.TemporaryDirectory() as tmp, browser_context() as ctx:
        ceiling = frame_ceiling(ctx)
        print(f"frames the browser offers on an idle page: {ceiling:.0f}/s", flush=True)
        for n in args.sizes:
            g = build_graph(synthetic_kb(n))
            for max_nodes in sorted({min(m, n) for m in args.max_nodes}, reverse=True):
                t = time.perf_counter()
                html = render(g, title=f"synthetic {n}", max_nodes=max_nodes)
                seconds = time.perf_counter() - t
                path = Path(tmp) / f"graph_{n}_{max_nodes}.html"
                path.write_text(html, encoding="utf-8")
                m = measure(path, ctx, args.runs)
                rows.append({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "render_s": seconds,
                             "mb": path.stat().st_size / 1e6, **m})
                print(_row(rows[-1]), flush=True)
    table = "\n".join([HEADER, "|" + "---|" * len(HEADER.split("|")[1:-1])] + [_row(r) for r in rows])
    print("\n" + table)
    args.out.write_text(_report(table, args, ceiling), encoding="utf-8")
    print(f"wrote {args.out}")


HEADER = ("| nodes | edges | shown at open | render (s) | page (MB) | load to first draw (ms) | "
          "pan (frames/s) | one redraw (ms) | search → focus (ms) |")


def _row(r: dict) -> str:
    return (f"| {r['nodes']:,} | {r['edges']:,} | {r['shown']:,} | {r['render_s']:.1f} | {r['mb']:.1f} | "
            f"{r['load_ms']:,.0f} | {r['fps']:.0f} | {r['draw_ms']:.1f} | {r['focus_ms']:.0f} |")


def _report(table: str, args, ceiling: float) -> str:
    version = subprocess.run([chromium_path(), "--version"], capture_output=True, text=True).stdout.strip()
    return f"""# graph.html at archive size

Measured with `python bench/viz_bench.py {" ".join(sys.argv[1:])}` on {time.strftime("%Y-%m-%d")}.

- Data: synthetic knowledge bases (`support.synthetic`), rendered with `--html-max-nodes`
  {" and ".join(map(str, args.max_nodes))} (the "shown at open" column).
- Browser: headless {version.split(" built")[0]}, `--disable-gpu` (software rendering), viewport
  1280×800, the page opened from disk with every non-file request refused.
- Machine: {platform.machine()}, {os.cpu_count()} cores shared with other work (load average
  {os.getloadavg()[0]:.1f} at the end of the run): read the figures as ±30 %.
- Every figure is the median of {args.runs} fresh loads. Load: from navigation start to vis-network's
  first drawn frame. Pan: redraws per second while a mouse drag (pointer events on every animation
  frame) moves the view for {PAN_SECONDS:.0f} s; the browser offers {ceiling:.0f} frames per second on an
  idle page, the ceiling. Search → focus: a node that was not shown is added with its neighbours,
  highlighted, and its panel filled.

{table}

The page opens on the best-connected nodes with positions computed ahead by networkx and
physics off; every other node is in the page and joins the view when searched for or linked to
(`graph.html#<node>`). The page's size and load time follow the whole archive; the frame rate
follows what is shown.
"""


if __name__ == "__main__":
    main()
