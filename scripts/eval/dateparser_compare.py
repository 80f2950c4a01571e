#!/usr/bin/env python3
"""Side-by-side comparison of rasd's times with Python's `dateparser` on the gold times.

For every gold file under eval/ (format: shared/eval/SCORING.md) it runs
`dateparser.search.search_dates(text, languages=['ar'], settings={'RELATIVE_BASE': published})`
and scores what it finds against the gold `times` with the reference scorer's rules:

* detection: a found expression and a gold one overlap (one normalised text contains the
  other), one-to-one, optional gold items neither rewarded nor penalised;
* value: detected, and the value is right. rasd's values are TIMEX3 strings compared as
  the scorer does (part-of-day suffix ignored). dateparser returns datetimes, which carry
  no granularity, so its value counts as right when the gold value is a date, month or
  year that its `YYYY-MM-DD` starts with (a lenient rule in its favour); durations, sets,
  weeks and TIMEX3 references cannot be expressed by a datetime and count as wrong.

rasd's times come from a records JSONL given with --records, else from the `rasd`
binary (`cargo run --release -p rasd -- extract`) when the workspace has it, else from
this crate's example (`cargo run --release -p rasd-timex --example extract`).

dateparser is installed from PyPI into a venv under target/ unless it already imports.

usage: scripts/eval/dateparser_compare.py [--gold DIR]... [--records out.jsonl] [--json]
"""
import argparse
import datetime as dt
import glob
import json
import os
import re
import subprocess
import sys
import unicodedata

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
VENV = os.path.join(ROOT, "target", "dateparser-venv")


def ensure_dateparser():
    """Import dateparser, installing it into target/dateparser-venv when needed."""
    try:
        import dateparser.search  # noqa: F401
        return
    except ImportError:
        pass
    py = os.path.join(VENV, "bin", "python")
    if not os.path.exists(py):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    probe = subprocess.run([py, "-c", "import dateparser"], capture_output=True)
    if probe.returncode != 0:
        subprocess.check_call([py, "-m", "pip", "install", "--quiet", "dateparser"])
    # Re-run this script inside the venv.
    if os.path.realpath(sys.prefix) != os.path.realpath(VENV):
        os.execv(py, [py] + sys.argv)


# ----- the reference scorer's string rules (shared/eval/score.py) -----

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
PUNCT_EDGE = re.compile(r"^[\s\"'«»“”‘’()\[\].,،؛:!?؟-]+|[\s\"'«»“”‘’()\[\].,،؛:!?؟-]+$")


def norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    s = DIACRITICS.sub("", s)
    s = re.sub("[أإآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه")
    s = re.sub(r"\s+", " ", s.replace("\u00a0", " "))
    return PUNCT_EDGE.sub("", s).lower()


def strip_clitic(s):
    if len(s) > 3 and s[0] in "وف":
        s = s[1:]
    if s.startswith("لل") and len(s) > 4:
        return "ال" + s[2:]
    if len(s) > 3 and s[0] in "بكل" and s[1:3] == "ال":
        return s[1:]
    return s


def forms(x):
    n = norm(x)
    return {n, strip_clitic(n)} if n else set()


def overlaps(a, b):
    fa, fb = forms(a), forms(b)
    return any(x in y or y in x for x in fa for y in fb if x and y)


def tval(v):
    return re.sub(r"T(MO|AF|EV|NI|DT)$", "", str(v))


def match(golds, systems, ok):
    """Greedy one-to-one matching, required gold before optional, reading order."""
    cands = sorted((bool(g.get("optional")), gi, si)
                   for gi, g in enumerate(golds) for si, s in enumerate(systems) if ok(g, s))
    used_g, used_s, pairs = set(), set(), []
    for _, gi, si in cands:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gi, si))
    return pairs


def tally(golds, systems, pairs, c):
    mg = {gi for gi, _ in pairs}
    ms = {si for _, si in pairs}
    c[0] += sum(1 for gi in mg if not golds[gi].get("optional"))
    c[1] += sum(1 for si in range(len(systems)) if si not in ms)
    c[2] += sum(1 for gi, g in enumerate(golds) if gi not in mg and not g.get("optional"))


def prf(c):
    tp, fp, fn = c
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# ----- systems -----

def load_gold(gold_dir):
    out = []
    for f in sorted(glob.glob(os.path.join(gold_dir, "*.gold.json"))):
        g = json.load(open(f, encoding="utf-8"))
        text = open(os.path.join(os.path.dirname(f), g["text_file"]), encoding="utf-8").read()
        out.append((g, text))
    return out


def rasd_records(args, gold_dir):
    if args.records:
        lines = open(args.records, encoding="utf-8").read().splitlines()
    else:
        has_rasd = os.path.isfile(os.path.join(ROOT, "crates", "rasd", "Cargo.toml"))
        if has_rasd:
            files = sorted(glob.glob(os.path.join(gold_dir, "*.gold.json")))
            cmd = ["cargo", "run", "--release", "-q", "-p", "rasd", "--", "extract"] + files
        else:
            cmd = ["cargo", "run", "--release", "-q", "-p", "rasd-timex", "--example", "extract", "--", gold_dir]
        lines = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout.splitlines()
    recs = {}
    for line in lines:
        if line.strip():
            r = json.loads(line)
            recs[str(r.get("id"))] = r
    return recs


def dateparser_times(text, published):
    from dateparser.search import search_dates
    base = dt.datetime.combine(published, dt.time(12, 0)) if published else None
    settings = {"RELATIVE_BASE": base} if base else {}
    found = search_dates(text, languages=["ar"], settings=settings) or []
    return [{"text": s, "value": d.strftime("%Y-%m-%d")} for s, d in found]


def dp_value_ok(gold_value, dp_value):
    g = tval(gold_value)
    return bool(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", g)) and dp_value.startswith(g)


def score(golds_and_texts, system_times, value_ok):
    det, strict = [0, 0, 0], [0, 0, 0]
    for (g, _), st in zip(golds_and_texts, system_times):
        gt = g.get("times", [])
        tally(gt, st, match(gt, st, lambda a, b: overlaps(a["text"], b["text"])), det)
        tally(gt, st, match(gt, st, lambda a, b: overlaps(a["text"], b["text"]) and value_ok(a["value"], b["value"])), strict)
    return det, strict


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", action="append",
                    help="folder of *.gold.json (repeatable; default: eval/)")
    ap.add_argument("--records", help="rasd records JSONL (default: run the extractor)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    ensure_dateparser()
    dirs = args.gold or [os.path.join(ROOT, "eval")]
    golds, recs = [], {}
    for d in dirs:
        golds += load_gold(d)
        recs.update(rasd_records(args, d))
    rasd_t, dp_t = [], []
    for g, text in golds:
        rasd_t.append([{"text": t["text"], "value": t["value"]} for t in recs.get(str(g["id"]), {}).get("times", [])])
        pub = dt.date.fromisoformat(g["published"]) if g.get("published") else None
        dp_t.append(dateparser_times(text, pub))
    res = {
        "rasd": score(golds, rasd_t, lambda a, b: tval(a) == tval(b)),
        "dateparser": score(golds, dp_t, dp_value_ok),
    }
    n_gold = sum(1 for g, _ in golds for t in g.get("times", []) if not t.get("optional"))
    if args.json:
        print(json.dumps({k: {"detect": prf(v[0]), "value": prf(v[1]), "counts": v} for k, v in res.items()}))
        return
    print(f"{len(golds)} gold files, {n_gold} required gold times")
    print(f"{'system':12s} {'detect P':>9s} {'R':>6s} {'F1':>6s}   {'value P':>8s} {'R':>6s} {'F1':>6s}   (tp/fp/fn detect; value)")
    for name, (d, s) in res.items():
        dp, dr, df = prf(d)
        sp, sr, sf = prf(s)
        print(f"{name:12s} {dp:9.3f} {dr:6.3f} {df:6.3f}   {sp:8.3f} {sr:6.3f} {sf:6.3f}   {d} {s}")
    if os.environ.get("SHOW"):
        for (g, _), a, b in zip(golds, rasd_t, dp_t):
            print("\n#", g["id"])
            print("  dateparser:", [(x["text"], x["value"]) for x in b])


if __name__ == "__main__":
    main()
