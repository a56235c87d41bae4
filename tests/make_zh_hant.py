"""Writes the Traditional Chinese catalogue (src/complaintctl/i18n/catalogues/zh_hant.py, for
Taiwan and Hong Kong teams) from the Simplified one with OpenCC's standard conversion (s2t:
characters only, no Taiwan- or Hong Kong-only phrasing, so both read it), and the seeded
taxonomy's labels with it. Run `python tests/make_zh_hant.py` (needs `pip install opencc`) after
changing the zh catalogue; tests/test_i18n.py fails while the two hold different ids. The
product itself never imports OpenCC: the catalogue is plain data in the wheel."""

from __future__ import annotations

import pprint
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "complaintctl" / "i18n" / "catalogues" / "zh_hant.py"

HEAD = '''"""The Traditional Chinese catalogue (zh-Hant), generated from the Simplified one by OpenCC (s2t)
with `python tests/make_zh_hant.py`: do not edit by hand; change the zh catalogue and run it again."""

# flake8: noqa
# ruff: noqa

'''


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    import opencc

    from complaintctl import seed
    from complaintctl.i18n.catalogues import zh

    convert = opencc.OpenCC("s2t").convert

    def hant(value):
        return convert(value) if isinstance(value, str) else tuple(convert(v) for v in value)

    messages = {msgid: hant(text) for msgid, text in zh.MESSAGES.items()}
    labels = {row[2]: convert(row[2]) for kind in ("CATEGORIES", "SEVERITIES", "CAUSES", "CHANNELS", "REMEDIES",
                                                   "PERSONALITIES", "MOTIVES", "STATUSES", "OUTCOMES")
              for row in getattr(seed, kind) if row[2] and convert(row[2]) != row[2]}
    OUT.write_text(HEAD + "MESSAGES = " + pprint.pformat(messages, width=120, sort_dicts=False) + "\n\n"
                   "# the seeded taxonomy's Chinese labels (stored in Simplified characters) in Traditional ones\n"
                   "LABELS = " + pprint.pformat(labels, width=120, sort_dicts=False) + "\n\n\n"
                   "def plural(n: int) -> int:\n    return 0\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(messages)} messages, {len(labels)} labels")


if __name__ == "__main__":
    main()
