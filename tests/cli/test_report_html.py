"""The HTML report in a real browser: headless Chromium renders it and the screenshot shows the charts."""

import shutil
import subprocess

import pytest

from complaintctl.core.demo import fill_demo
from complaintctl.store.db import connect

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed (.ci/run installs Debian's chromium)")
def test_html_report_renders_with_charts(cli, db_path, tmp_path):
    conn = connect(db_path)
    fill_demo(conn, seed=3, weeks=4, per_week=30)
    conn.close()
    page = tmp_path / "weekly.html"
    cli("report", "weekly", "-f", "html", "-o", page)
    shot = tmp_path / "weekly.png"
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--hide-scrollbars", "--window-size=1000,2400",
         f"--screenshot={shot}", page.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert shot.exists(), result.stderr[-2000:]
    from struct import unpack

    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = unpack(">II", data[16:24])
    assert (width, height) == (1000, 2400)
    colours = _colour_counts(shot)
    bar_blue = sum(n for (r, g, b), n in colours.items() if abs(r - 0x26) < 12 and abs(g - 0x80) < 12 and abs(b - 0xC2) < 12)
    assert bar_blue > 2000, "the SVG bar charts are not visible in the screenshot"
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
