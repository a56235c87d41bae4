"""Suggestions on public labelled complaints: top-1 / top-3 accuracy on a held-out 20% (seed 1) of
each set, for complaintctl's two methods (the SVM exported to stored weights, with the optional
extra; naive Bayes with no dependency), scikit-learn's own SVM on the same features as the
reference, and the majority class; then similar complaints: planted re-submissions found first
among N complaints, and the time of one lookup.

    python bench/suggest.py --cfpb ../shared/corpus/cfpb-bdm-sample/complaints_sample.csv \\
        --zh-small /tmp/zh_fujian2.xlsx --airline /tmp/Tweets.csv [--similar 100000]

The data is never in the repository and nothing is fetched: each set is read from the path given
(docs/development.md says where each came from); a set without a path is left out.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from complaintctl.core.insight.suggest import learn  # noqa: E402
from complaintctl.core.insight.suggest.features import counts, ngrams  # noqa: E402


def cfpb(path: str, field: str, top: int) -> list[tuple[str, str]]:
    text = Path(path).read_text(encoding="utf-8")
    if text.startswith("Archive:"):  # the sample's two lines of unzip output above the header
        text = text.split("\n", 2)[2]
    rows = [r for r in csv.DictReader(io.StringIO(text)) if r["Consumer complaint narrative"].strip()]
    keep = {label for label, _ in Counter(r[field] for r in rows).most_common(top)}
    return [(r["Consumer complaint narrative"], r[field]) for r in rows if r[field] in keep]


def zh_messages(path: str) -> list[tuple[str, str]]:
    import python_calamine

    rows = python_calamine.CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()
    head = [str(h) for h in rows[0]]
    subject, body, label = head.index("留言主题"), head.index("留言详情"), head.index("一级分类")
    return [(f"{r[subject]}\n{r[body]}", str(r[label])) for r in rows[1:] if r[label]]


def airline(path: str) -> list[tuple[str, str]]:
    with open(path, encoding="utf-8") as f:
        return [(r["text"], r["negativereason"]) for r in csv.DictReader(f)
                if r["airline_sentiment"] == "negative" and r["negativereason"]]


def split(rows, seed=1):
    rows = list(rows)
    random.Random(seed).shuffle(rows)
    cut = int(len(rows) * 0.8)
    return rows[:cut], rows[cut:]


def score(predict, test) -> tuple[float, float, float]:
    started = time.perf_counter()
    top1 = top3 = 0
    for text, gold in test:
        ranked = predict(text)
        top1 += ranked[0] == gold
        top3 += gold in ranked[:3]
    ms = 1000 * (time.perf_counter() - started) / len(test)
    return 100 * top1 / len(test), 100 * top3 / len(test), ms


def reference_svm(train):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    vectorizer = TfidfVectorizer(analyzer=ngrams, sublinear_tf=True)
    svm = LinearSVC(class_weight="balanced").fit(vectorizer.fit_transform([t for t, _ in train]), [c for _, c in train])

    def predict(text):
        d = svm.decision_function(vectorizer.transform([text]))[0]
        d = d if len(svm.classes_) > 2 else [-d, d]
        return [svm.classes_[i] for i in sorted(range(len(d)), key=lambda i: -d[i])]
    return predict


def ours(fitter, train):
    model = fitter("bench", [t for t, _ in train], [c for _, c in train])
    return model, lambda text: [s["code"] for s in model.rank(counts(text), 3)]


def as_codes(rows: list) -> list:
    """The sets' labels as a team's taxonomy keeps them: a code of at most 24 characters
    (`credit_reporting_credit`), not CFPB's 80-character product names. A model stores its code
    on every weight, so 80-character labels would spend the 3.8 MB cap on label text (naive
    Bayes on CFPB products: 71 top-1 with the names, 83.5 with codes)."""
    codes: dict[str, str] = {}
    for _, label in rows:
        if label not in codes:
            code = label if len(label) <= 24 else "_".join(re.findall(r"[a-z0-9]+", label.lower()))[:24].strip("_")
            while code in codes.values():
                code = code[:21] + f"_{len(codes)}"
            codes[label] = code
    return [(text, codes[label]) for text, label in rows]


def run_set(name: str, rows: list, sizes: list) -> list[dict]:
    rows = as_codes(rows)
    out = []
    full_train, test = split(rows)
    for size in sizes:
        train = full_train if size is None else random.Random(2).sample(full_train, min(size, len(full_train)))
        majority = Counter(c for _, c in train).most_common(1)[0][0]
        methods = []
        if learn.have_sklearn():
            methods += [("TF-IDF char 1-4 + linear SVM (scikit-learn, reference)", lambda tr: (None, reference_svm(tr))),
                        ("complaintctl svm: the same, exported weights, plain-Python scoring",
                         lambda tr: ours(learn.fit_linear, tr))]
        methods += [("complaintctl naive Bayes, smoothing chosen on the data (no dependency)",
                     lambda tr: ours(learn.fit_naive_bayes, tr)),
                    ("complaintctl nearest centroid, TF-IDF (no dependency)", lambda tr: ours(learn.fit_centroid, tr)),
                    ("complaintctl without scikit-learn: naive Bayes or centroid, chosen on held-out history",
                     lambda tr: ours(learn.fit_plain, tr))]
        for label, make in methods:
            started = time.perf_counter()
            model, predict = make(train)
            seconds = time.perf_counter() - started
            top1, top3, ms = score(predict, test)
            size_mb = _model_mb(model) if model is not None else None
            out.append({"set": name, "train": len(train), "method": label, "top1": top1, "top3": top3,
                        "train_s": seconds, "ms": ms, "mb": size_mb})
            print(f"  {name} ({len(train)} train): {label}: {top1:.1f} / {top3:.1f}, {seconds:.1f} s to train, "
                  f"{ms:.1f} ms per complaint" + (f", {size_mb:.2f} MB" if size_mb else ""), file=sys.stderr)
        out.append({"set": name, "train": len(train), "method": "majority class",
                    "top1": 100 * sum(c == majority for _, c in test) / len(test), "top3": None})
    return out


def _model_mb(model) -> float:
    import tempfile

    from complaintctl.core.insight.suggest.tables import save_model
    from complaintctl.store.db import connect

    with tempfile.TemporaryDirectory() as folder:
        conn = connect(Path(folder) / "m.db")
        before = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute("BEGIN IMMEDIATE")
        save_model(conn, model, at="2026-01-01T00:00:00Z", actor="bench", seconds=0)
        conn.execute("COMMIT")
        conn.execute("VACUUM")
        after = conn.execute("PRAGMA page_count").fetchone()[0]
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.close()
    return max(0, after - before) * page / 1e6


def table(results: list[dict]) -> str:
    sets = list(dict.fromkeys((r["set"], r["train"]) for r in results))
    methods = list(dict.fromkeys(r["method"] for r in results))
    lines = ["| method | " + " | ".join(f"{s}, {n:,} train" for s, n in sets) + " |",
             "|---|" + "---|" * len(sets)]
    for method in methods:
        cells = []
        for key in sets:
            r = next((x for x in results if (x["set"], x["train"]) == key and x["method"] == method), None)
            cells.append("" if r is None else f"{r['top1']:.1f}" + (f" / {r['top3']:.1f}" if r["top3"] is not None else ""))
        lines.append(f"| {method} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _perturb(text: str, rng: random.Random) -> str:
    """A re-submission: the same letter sent again, a clause dropped and a few words changed."""
    parts = [p for p in text.replace("。", "。\n").replace(". ", ".\n").split("\n") if p.strip()]
    if len(parts) > 3:
        parts.pop(rng.randrange(1, len(parts)))
    spaced = text.count(" ") * 20 > len(text)  # words apart; a Chinese letter with a few spaces is in characters
    words = "".join(parts).split(" ") if spaced else list("".join(parts))
    for _ in range(max(1, len(words) // 15)):
        words[rng.randrange(len(words))] = rng.choice(["please", "again", "再次", "!!"])
    return (" " if spaced else "").join(words)


def similar_bench(pool: list[str], size: int, planted: int = 300) -> dict:
    """Planted re-submissions among ``size`` complaints built from real texts: found first, and ms per lookup."""
    import tempfile

    from complaintctl.core.insight.suggest.similar import similar_complaints
    from complaintctl.store.db import connect

    rng = random.Random(5)
    texts = list(dict.fromkeys(t for t in pool if len(t) >= 30))
    rng.shuffle(texts)
    planted = min(planted, len(texts) // 3)
    strangers, texts = texts[:planted], texts[planted:]
    corpus = list(texts)
    while len(corpus) < size:  # more letters than the sets hold: halves of two real ones
        a, b = rng.choice(texts), rng.choice(texts)
        corpus.append(a[:len(a) // 2] + b[len(b) // 2:])
    corpus = corpus[:size]
    with tempfile.TemporaryDirectory() as folder:
        conn = connect(Path(folder) / "similar.db")
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO complaints (received_at, subject, description, status, created_at, updated_at, created_by) "
            "VALUES ('2026-11-01T00:00:00Z', ?, ?, 'new', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'bench')",
            [(t.split("\n")[0][:80] or "x", t) for t in corpus])
        conn.execute("COMMIT")
        print(f"  built {size:,} complaints in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        picks = rng.sample(range(len(texts)), planted)  # originals that are real letters (ids 1..len(texts))
        first, times = 0, []
        for i in picks:
            copy = _perturb(corpus[i], rng)
            t0 = time.perf_counter()
            found = similar_complaints(conn, copy.split("\n")[0][:80] or "x", copy, received_at="2026-11-02T00:00:00Z")
            times.append(1000 * (time.perf_counter() - t0))
            first += bool(found) and found[0]["id"] == i + 1
        alarms = sum(bool(similar_complaints(conn, t.split("\n")[0][:80] or "x", t, received_at="2026-11-02T00:00:00Z"))
                     for t in strangers)
        conn.close()
    return {"size": size, "planted": planted, "found_first": 100 * first / planted,
            "mean_ms": statistics.mean(times), "median_ms": statistics.median(times),
            "false_alarms": 100 * alarms / len(strangers)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cfpb", help="the CFPB sample (complaints_sample.csv)")
    parser.add_argument("--zh-small", help="the 495 labelled citizen messages (附件2.xlsx of TipDM 2020 C)")
    parser.add_argument("--airline", help="Twitter US airline sentiment (Tweets.csv)")
    parser.add_argument("--small", type=int, default=200, help="also train on this many (0: not)")
    parser.add_argument("--similar", type=int, default=0, help="complaints for the similar-complaints bench (0: not)")
    parser.add_argument("--only-similar", action="store_true", help="the similar-complaints bench alone")
    args = parser.parse_args()
    sets = {}
    if args.cfpb:
        sets["CFPB product, 4 labels"] = cfpb(args.cfpb, "Product", 4)
        sets["CFPB issue, 13 labels"] = cfpb(args.cfpb, "Issue", 13)
    if args.zh_small:
        sets["Chinese citizen messages, 7 labels"] = zh_messages(args.zh_small)
    if args.airline:
        sets["airline complaint reason, 10 labels"] = airline(args.airline)
    if not sets:
        parser.error("give at least one set's path")
    results = []
    for name, rows in ({} if args.only_similar else sets).items():
        sizes = [None] + ([args.small] if args.small and len(rows) * 0.8 > args.small * 1.5 else [])
        results += run_set(name, rows, sizes)
    if results:
        print(table(results))
    if args.similar:
        pool = [t for rows in sets.values() for t, _ in rows]
        r = similar_bench(pool, args.similar)
        print(f"\nsimilar complaints at {r['size']:,}: {r['found_first']:.1f}% of {r['planted']} planted "
              f"re-submissions found first; {r['mean_ms']:.1f} ms a lookup on average (median {r['median_ms']:.1f}); "
              f"{r['false_alarms']:.1f}% of {r['planted']} unrelated letters got a similar complaint")


if __name__ == "__main__":
    main()
