"""Every HTML report in a real browser at a phone's, a tablet's and a desktop's width: headless
Chromium lays each one out and the page measures itself. Nothing may sit on anything else
(headings, tables, charts, cards, notes: their boxes must not intersect), no chart label may
overlap another or leave its chart, no label may be cut, and the page may not be wider than
the screen. Screenshots at each width show the same pages."""

import json
import re
import shutil
import subprocess

import pytest

from complaintctl.core.demo import fill_demo
from complaintctl.store.db import connect

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
WIDTHS = (375, 768, 1280)
REPORTS = {"weekly": [], "agents": [], "sla": ["--weeks", "8"], "trends": ["--weeks", "12"], "causes": []}
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed (.ci/run installs Debian's chromium)")

# Runs in the harness page once every report has loaded in its frame; writes what it found.
MEASURE = r"""
<script>
window.addEventListener('load', () => {
  const found = [];
  const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const name = e => e.tagName.toLowerCase()
    + (e.className && e.className.baseVal === undefined ? '.' + e.className : '')
    + ' "' + (e.textContent || '').trim().slice(0, 30) + '"';
  for (const frame of document.querySelectorAll('iframe')) {
    const doc = frame.contentDocument, where = frame.dataset.report + '@' + frame.width;
    if (doc.documentElement.scrollWidth > frame.contentWindow.innerWidth + 1)
      found.push(where + ': the page is ' + doc.documentElement.scrollWidth + ' px wide');
    const parts = [...doc.querySelectorAll('h1, h2, p, .tw, svg.chart, .card')];
    for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++) {
      const a = parts[i], b = parts[j];
      if (a.contains(b) || b.contains(a)) continue;
      if (hit(a.getBoundingClientRect(), b.getBoundingClientRect())) found.push(where + ': ' + name(a) + ' overlaps ' + name(b));
    }
    for (const svg of doc.querySelectorAll('svg.chart')) {
      const frameBox = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll('text')];
      for (const t of texts) {
        const r = t.getBoundingClientRect();
        if (r.left < frameBox.left - 1 || r.right > frameBox.right + 1
            || r.top < frameBox.top - 1 || r.bottom > frameBox.bottom + 1)
          found.push(where + ': chart label "' + t.textContent + '" leaves its chart');
        const title = t.querySelector('title');
        const shown = [...t.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('');
        if (title && title.textContent !== shown) found.push(where + ': chart label cut: "' + shown + '"');
      }
      for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++)
        if (hit(texts[i].getBoundingClientRect(), texts[j].getBoundingClientRect()))
          found.push(where + ': chart labels overlap: "' + texts[i].textContent + '" and "' + texts[j].textContent + '"');
    }
    const labels = doc.querySelectorAll('svg.chart text').length;
    found.push(where + ': measured ' + parts.length + ' boxes, ' + labels + ' chart labels');
  }
  const out = document.createElement('pre');
  out.id = 'layout';
  out.textContent = JSON.stringify(found);
  document.body.appendChild(out);
});
</script>
"""


def _chromium(tmp_path, *args, width=1280, height=2000):
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--allow-file-access-from-files", f"--user-data-dir={tmp_path / 'profile'}", "--hide-scrollbars",
         f"--window-size={width},{height}", "--virtual-time-budget=15000", *args],
        capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def pages(module_cli):
    """The reports as HTML files, written once for every test that lays them out (read only)."""
    conn = connect(module_cli.db_path)
    fill_demo(conn, seed=3, weeks=12, per_week=30)
    conn.close()
    out = {}
    for report, extra in REPORTS.items():
        out[report] = module_cli.db_path.parent / f"{report}.html"
        module_cli("report", report, *extra, "-f", "html", "-o", out[report])
    out["weekly-zh"] = module_cli.db_path.parent / "weekly-zh.html"  # Chinese labels are wider: the same checks
    module_cli("report", "weekly", "--lang", "zh", "-f", "html", "-o", out["weekly-zh"])
    return out


def test_reports_lay_out_without_overlap_at_three_widths(pages, tmp_path):
    frames = "".join(f'<iframe data-report="{name}" width="{w}" height="3000" src="{page.as_uri()}"></iframe>'
                     for name, page in pages.items() for w in WIDTHS)
    harness = tmp_path / "harness.html"
    harness.write_text(f"<!DOCTYPE html><html><body>{frames}{MEASURE}</body></html>", encoding="utf-8")
    result = _chromium(tmp_path, "--dump-dom", harness.as_uri())
    match = re.search(r'<pre id="layout">(.*?)</pre>', result.stdout, re.S)
    assert match, result.stderr[-2000:]
    import html

    found = json.loads(html.unescape(match.group(1)))
    measured = [f for f in found if ": measured " in f]
    assert len(measured) == len(pages) * len(WIDTHS)  # every page was laid out and measured
    assert all(int(re.search(r"measured (\d+) boxes", m).group(1)) >= 5 for m in measured)
    assert sum(int(re.search(r"(\d+) chart labels", m).group(1)) for m in measured) > 100
    problems = [f for f in found if ": measured " not in f]
    assert not problems, "\n".join(problems[:40])


def test_the_measure_finds_overlap_when_there_is_some(tmp_path):
    """The check can fail: a chart pulled over its table, a label cut, a page too wide."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html><body style="margin:0"><h2>t</h2><div class="tw" style="width:300px"><table><tr><td>'
        'x</td></tr></table></div><svg class="chart" style="margin-top:-30px;width:900px" viewBox="0 0 100 20">'
        '<text x="0" y="12"><title>诚信问题</title>诚信问</text><text x="2" y="12">overlap</text></svg></body></html>',
        encoding="utf-8")
    frames = f'<iframe data-report="bad" width="375" height="600" src="{bad.as_uri()}"></iframe>'
    harness = tmp_path / "harness.html"
    harness.write_text(f"<!DOCTYPE html><html><body>{frames}{MEASURE}</body></html>", encoding="utf-8")
    result = _chromium(tmp_path, "--dump-dom", harness.as_uri())
    import html

    found = json.loads(html.unescape(re.search(r'<pre id="layout">(.*?)</pre>', result.stdout, re.S).group(1)))
    text = "\n".join(found)
    assert "overlaps svg" in text and "chart label cut" in text and "chart labels overlap" in text
    assert "the page is" in text


@pytest.mark.parametrize("width", [WIDTHS[0], WIDTHS[-1]])  # the layout at every width is measured above
def test_weekly_screenshot_shows_charts_and_text(pages, tmp_path, width):
    shot = tmp_path / f"weekly-{width}.png"
    result = _chromium(tmp_path, f"--screenshot={shot}", pages["weekly"].as_uri(), width=width, height=2400)
    assert shot.exists(), result.stderr[-2000:]
    from struct import unpack

    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert unpack(">II", data[16:24]) == (width, 2400)
    if width != 1280:  # decoding a PNG in pure Python is slow: the colours once, at the widest
        return
    colours = _colour_counts(shot)
    bar_blue = sum(n for (r, g, b), n in colours.items() if abs(r - 0x26) < 12 and abs(g - 0x80) < 12 and abs(b - 0xC2) < 12)
    assert bar_blue > 1000, "the SVG charts are not visible in the screenshot"
    dark_text = sum(n for (r, g, b), n in colours.items() if r < 90 and g < 90 and b < 110)
    assert dark_text > 5000, "the report text is not visible in the screenshot"


def _colour_counts(png_path):
    """Decode a PNG with the standard library only (zlib): count each RGB colour."""
    import struct
    import zlib
    from collections import Counter

    data = png_path.read_bytes()
    pos, chunks = 8, []
    width = height = 0
    colour_type = 2
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, _depth, colour_type = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    channels = 4 if colour_type == 6 else 3
    stride = width * channels
    counts: Counter = Counter()
    previous = bytearray(stride)
    i = 0
    for _ in range(height):
        f = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, channels * 4):  # sample every 4th pixel
            counts[(line[x], line[x + 1], line[x + 2])] += 4
        previous = line
    return counts
