#!/usr/bin/env python3
"""Derive data/places/common_words.txt: place labels that are mostly ordinary Arabic words.

The place generator (build_places.py) already drops frequent ordinary words as labels of
*small* places. Bigger places (cities of 100,000+, admin-1 units, capitals) keep their labels
because a big place must not lose its name, but some of those names are everyday words in
news text: «الخبر» (the news / Khobar), «معسكر» (camp / Mascara), «صور» (pictures / Tyre).
The engine (crates/rasd-recognise/src/kbmatch.rs) asks for stronger context for the labels
listed here. Two kinds of row:

* ``word``: a one-token label (article forms included) that occurs at least
  MIN_PER_MILLION times per million SaudiNewsNet tokens while fewer than CUE_RATIO of its
  occurrences have a place context next to it (a settlement noun or a direction before it,
  «الواقعة/شمال…» after it; prepositions do not count: «في معسكر» is «in a camp»).
* ``clitic``: a whole token that reads as a proclitic (ب ك ل و ف) + a one-token label but is
  itself a word: it is more frequent than the bare label and frequent on its own
  («كمين» = ambush, not ك + «مين»).

A one-token ``word`` row must also occur with the article toggled at least TOGGLE_RATIO
times as often (ordinary nouns and adjectives do; names such as «مدريد» do not).

Only counts are used; no corpus text is written. Countries are never listed (their labels
are names whatever the context). Usage:

    python3 scripts/kb/common_words.py [--corpus ../shared/data/saudinewsnet]
"""

import argparse
import collections
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_places import _TOKEN_RE  # noqa: E402
from snn import article_texts, default_corpus  # noqa: E402

# The engine's folding (crates/rasd-text/src/normalise.rs): alef forms, ى and ة only; ؤ and
# ئ stay, so the list matches normalised document text.
_ENGINE_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def fold(s):
    return s.translate(_ENGINE_FOLD)


def tokens_folded(s):
    return _TOKEN_RE.findall(fold(s))

MIN_PER_MILLION = 2.0
CUE_RATIO = 0.2
CLITIC_PER_MILLION = 2.0
TOGGLE_RATIO = 0.05

_STRONG = {fold(w) for w in (
    "مدينة مدينتي بلدة بلدتي قرية قريتي محافظة ولاية منطقة مديرية إقليم حي ضاحية مخيم "
    "عاصمة العاصمة شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط قرب بالقرب ضواحي أطراف ريف "
    "سكان أهالي مطار ميناء بلدية مركز ناحية قضاء مقاطعة جهة محيط مدن بلدات قرى").split()}
_POST = {fold(w) for w in (
    "شمال جنوب شرق غرب شمالي جنوبي شرقي غربي الواقعة القريبة المجاورة الحدودية الساحلية").split()}


# The administrative prefixes the engine drops to make a bare key («منطقة القبائل» →
# «القبائل»): crates/rasd-kb/src/variants.rs, ADMIN_PREFIXES (folded forms).
_ENGINE_PREFIXES = {fold(w) for w in (
    "ولاية محافظة منطقة إقليم مقاطعة بلدية شعبية مديرية قضاء ناحية دائرة إمارة مدينة قرية بلدة "
    "حي مخيم جزيرة").split()}


def labels_of(places_tsv):
    """Folded 1-2 token labels of every non-country place, with article-toggled forms and
    the bare forms the engine derives by dropping an administrative prefix."""
    out = set()
    with open(places_tsv, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["kind"] == "country":
                continue
            for n in row["names_ar"].split("|"):
                toks = tokens_folded(n)
                if len(toks) >= 2 and toks[0] in _ENGINE_PREFIXES:
                    out.add(" ".join(toks[1:]))
                if not 1 <= len(toks) <= 2:
                    continue
                out.add(" ".join(toks))
                if len(toks) == 1:
                    t = toks[0]
                    out.add(t[2:] if t.startswith("ال") and len(t) > 4 else "ال" + t)
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=default_corpus(root))
    ap.add_argument("--places", default=os.path.join(root, "data", "places", "places.tsv"))
    ap.add_argument("--out", default=os.path.join(root, "data", "places", "common_words.txt"))
    args = ap.parse_args()
    labels = labels_of(args.places)
    singles = {l for l in labels if " " not in l}
    firsts = {l.split(" ")[0] for l in labels if " " in l}
    count = collections.Counter()
    cue = collections.Counter()
    total = 0
    for text in article_texts(args.corpus):
        toks = tokens_folded(text)
        total += len(toks)
        n = len(toks)
        for i, t in enumerate(toks):
            count[t] += 1
            keys = []
            if t in singles:
                keys.append((t, 1))
            if t in firsts and i + 1 < n:
                k2 = t + " " + toks[i + 1]
                if k2 in labels:
                    keys.append((k2, 2))
            for k, ln in keys:
                if ln == 2:
                    count[k] += 1
                prev = toks[i - 1] if i > 0 else ""
                nxt = toks[i + ln] if i + ln < n else ""
                if prev in _STRONG or nxt in _POST:
                    cue[k] += 1
    pm = lambda c: c * 1e6 / total  # noqa: E731
    rows = []
    for k in sorted(labels):
        c = count[k]
        # Multi-token labels mostly carry their own settlement noun («منطقة الرياض»).
        if " " in k or not c or pm(c) < MIN_PER_MILLION or cue[k] / c >= CUE_RATIO:
            continue
        # An ordinary word also lives with the article toggled («خبر»/«الخبر»,
        # «معسكر»/«المعسكر»); a name rarely does («مدريد», «السويس»).
        t = k[2:] if k.startswith("ال") else "ال" + k
        if count[t] < TOGGLE_RATIO * c:
            continue
        rows.append((k, "word", pm(c), cue[k] / c))
    for k in sorted(singles):
        if len(k) < 3:
            continue
        base = count[k]
        for p in "بكلوف":
            w = p + k
            c = count[w]
            if c > base and pm(c) >= CLITIC_PER_MILLION:
                rows.append((w, "clitic", pm(c), base / c))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/kb/common_words.py from SaudiNewsNet word counts "
                f"({total} tokens) and data/places/places.tsv; do not edit by hand.\n")
        f.write("# form\tkind\tper_million\tratio (word: place-context share; clitic: bare label / form)\n")
        for k, kind, p, r in sorted(rows):
            f.write(f"{k}\t{kind}\t{p:.1f}\t{r:.2f}\n")
    print(f"{len(rows)} rows, {total} tokens", file=sys.stderr)


if __name__ == "__main__":
    main()
