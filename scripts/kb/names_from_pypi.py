#!/usr/bin/env python3
"""Derive data/names/*.tsv: person names and sports-club names from three PyPI packages.

The hand-curated actor lists (data/actors/) know ~1,900 people who matter in conflict
news. A news tagger also meets thousands of ministers, players, artists and officials
that no one will curate by hand, and whose names it has never seen in its training data.
Three registry packages carry such knowledge in Arabic script:

* ``arabic-name-romanizer`` 0.2.0 (UNICEF; MIT; its name index is derived from Wikidata
  labels of people, CC0, and the Algerian Name Transcription Corpus, CC0):
  ``resources/names.sqlite3`` holds 86,739 Arabic full names of real people and 82,377
  (name part, role) rows, role = given / surname / unknown, with counts.
* ``arabnamer`` 0.1.3 (code MIT, data CC BY 4.0, E. Yousef): ``data/dict_FINAL.json``,
  22,797 English → Arabic name transliterations («آرون», «آلتونين»), i.e. the Arabic
  spellings of foreign given names and surnames.
* ``arwikicats`` 0.2.3 (MIT; translations of Arabic Wikipedia category names):
  ``jsons/people/peoples.json`` (3,117 well-known people) and ``jsons/sports/Clubs_key.json``
  (2,162 sports clubs and leagues).

Written files (tab-separated, ``#`` comments, sorted, deduplicated):

* ``person_names.tsv``  ``name  count  source``: full names of at least two words.
* ``name_words.tsv``    ``word  role  count  source``: one-word name parts; role is
  ``given``, ``surname`` or ``unknown`` (romanizer) or ``foreign`` (arabnamer).
* ``clubs.tsv``         ``name  source``: sports clubs (entries with a club word or
  a name of at most three words; leagues and cups are left out), each also without
  its head noun and sport («نادي برشلونة» → «برشلونة»).

Wheels are fetched with ``pip download`` (pinned versions, sha256 checked) unless
``--wheels DIR`` already holds them. Usage:

    python3 scripts/kb/names_from_pypi.py [--wheels DIR] [--out data/names]
"""

import argparse
import collections
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

WHEELS = {
    "arabic_name_romanizer-0.2.0-py3-none-any.whl": (
        "arabic-name-romanizer==0.2.0",
        "f70b89614d9b5866dcf911d098c5e45d2b1f559461f238e8c5259b731fcf2a7e",
    ),
    "arabnamer-0.1.3-py3-none-any.whl": (
        "arabnamer==0.1.3",
        "78d4921a47707420780dcdd24a256cd4f9cdf0fb49b4b8df22b612db14c8bbdc",
    ),
    "arwikicats-0.2.3-py3-none-any.whl": (
        "arwikicats==0.2.3",
        "efc386f2f5a916691b508ef072eac86d1e80c60d01284cf5105bb841e78d6694",
    ),
}

ARABIC = range(0x0600, 0x0700)

# Words that make an arwikicats sports entry a competition, not a club.
COMPETITION_WORDS = ("دوري", "كأس", "بطولة", "الدوري", "دورة", "سباق", "الألعاب", "ألعاب")


# «لكرة القدم», «لكرة السلة», … and club-type adjectives dropped from short club names.
SPORT_WORDS = ("لكرة", "للكرة")
CLUB_SUFFIXES = ("الرياضي", "الرياضية", "الثقافي", "الاجتماعي")


def arabic_only(s):
    """True if every letter of `s` is Arabic (spaces allowed; no Latin, no digits)."""
    s = s.strip()
    return bool(s) and all(ord(c) in ARABIC or c == " " for c in s)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch(wheels):
    os.makedirs(wheels, exist_ok=True)
    for name, (req, digest) in WHEELS.items():
        path = os.path.join(wheels, name)
        if not os.path.exists(path):
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps",
                 "--no-build-isolation", "-q", "-d", wheels, req],
                check=True,
            )
        got = sha256(path)
        if got != digest:
            sys.exit(f"{path}: sha256 {got}, expected {digest}")


def romanizer(wheels, tmp):
    with zipfile.ZipFile(os.path.join(wheels, "arabic_name_romanizer-0.2.0-py3-none-any.whl")) as z:
        db = z.extract("arabic_name_romanizer/resources/names.sqlite3", tmp)
    con = sqlite3.connect(db)
    full = collections.Counter()
    for key, count in con.execute("SELECT arabic_key, count FROM full_names"):
        key = " ".join(key.split())
        if len(key.split()) >= 2 and arabic_only(key):
            full[key] += count
    parts = collections.Counter()
    for key, role, count in con.execute("SELECT arabic_key, role, count FROM units"):
        key = key.strip()
        if len(key.split()) == 1 and arabic_only(key) and len(key) >= 2:
            parts[(key, role)] += count
    con.close()
    return full, parts


def arabnamer(wheels):
    with zipfile.ZipFile(os.path.join(wheels, "arabnamer-0.1.3-py3-none-any.whl")) as z:
        d = json.loads(z.read("arabnamer/data/dict_FINAL.json"))
    words = collections.Counter()
    for ar in d.values():
        for w in str(ar).split():
            if arabic_only(w) and len(w) >= 2:
                words[w] += 1
    return words


def arwikicats(wheels):
    with zipfile.ZipFile(os.path.join(wheels, "arwikicats-0.2.3-py3-none-any.whl")) as z:
        people = json.loads(z.read("ArWikiCats/jsons/people/peoples.json"))
        clubs = json.loads(z.read("ArWikiCats/jsons/sports/Clubs_key.json"))
    persons = sorted({" ".join(v.split()) for v in people.values()
                      if arabic_only(v) and len(v.split()) >= 2})
    club_names = set()
    for v in clubs.values():
        v = " ".join(str(v).split())
        if not arabic_only(v):
            continue
        ws = v.split()
        if any(w in COMPETITION_WORDS for w in ws):
            continue
        if ws[0] in ("نادي", "فريق") or len(ws) <= 3:
            club_names.add(v)
            # news names a club without the head noun and the sport: «نادي برشلونة»
            # → «برشلونة», «بنفيكا لكرة السلة» → «بنفيكا»
            short = ws[1:] if ws[0] in ("نادي", "فريق", "النادي") else ws
            while len(short) >= 2 and (short[-2] in SPORT_WORDS or short[-1] in CLUB_SUFFIXES):
                short = short[:-2] if short[-2] in SPORT_WORDS else short[:-1]
            if short and short != ws:
                club_names.add(" ".join(short))
    return persons, sorted(club_names)


HEADER = {
    "person_names.tsv": (
        "# person_names.tsv — Arabic full names (two words or more) of real people.\n"
        "# Generated by scripts/kb/names_from_pypi.py; see data/SOURCES.md (Wikidata CC0 via PyPI\n"
        "# arabic-name-romanizer 0.2.0, MIT; Algerian Name Transcription Corpus CC0; arwikicats 0.2.3, MIT).\n"
        "# Columns: name, count (rows behind it in the source), source.\n"
    ),
    "name_words.tsv": (
        "# name_words.tsv — one-word parts of personal names with their role.\n"
        "# Generated by scripts/kb/names_from_pypi.py; see data/SOURCES.md (arabic-name-romanizer 0.2.0:\n"
        "# Wikidata CC0 / Algerian Name Transcription Corpus CC0; arabnamer 0.1.3 data CC BY 4.0, E. Yousef).\n"
        "# Columns: word, role (given, surname, unknown, foreign), count, source.\n"
    ),
    "clubs.tsv": (
        "# clubs.tsv — Arabic names of sports clubs (arwikicats 0.2.3, MIT, from Arabic Wikipedia categories).\n"
        "# Generated by scripts/kb/names_from_pypi.py; see data/SOURCES.md.\n"
        "# Columns: name, source.\n"
    ),
}


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER[os.path.basename(path)])
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheels", default=None, help="folder holding (or receiving) the wheels")
    ap.add_argument("--out", default="data/names")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheels = a.wheels or os.path.join(tmp, "wheels")
        fetch(wheels)
        full, parts = romanizer(wheels, tmp)
        foreign = arabnamer(wheels)
        wk_people, clubs = arwikicats(wheels)
    os.makedirs(a.out, exist_ok=True)
    persons = {}
    for name, c in full.items():
        persons[name] = (c, "romanizer")
    for name in wk_people:
        if name not in persons:
            persons[name] = (1, "arwikicats")
    write(os.path.join(a.out, "person_names.tsv"),
          sorted((n, c, s) for n, (c, s) in persons.items()))
    rows = [(w, role, c, "romanizer") for (w, role), c in parts.items()]
    rows += [(w, "foreign", c, "arabnamer") for w, c in foreign.items()]
    write(os.path.join(a.out, "name_words.tsv"), sorted(rows))
    write(os.path.join(a.out, "clubs.tsv"), [(n, "arwikicats") for n in clubs])
    print(f"{len(persons)} person names, {len(rows)} name words, {len(clubs)} clubs -> {a.out}")


if __name__ == "__main__":
    main()
