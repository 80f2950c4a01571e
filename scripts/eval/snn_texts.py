#!/usr/bin/env python3
"""Materialise the SaudiNewsNet gold-set texts from the shared corpus.

The SaudiNewsNet corpus is CC BY-NC-SA and is never committed to this repository;
only the gold annotations (eval/snn/*.gold.json) and eval/snn/manifest.tsv are. This
script reads the manifest (name, zip, index, url, sha256), pulls each article's
`content` out of the corpus zip exactly as stored (no stripping or edits), checks its
SHA-256 against the manifest, and writes into the output folder (eval/snn by default;
eval/heldout holds a second, held-out set with its own manifest):

  NAME.txt        the article text (what the gold strings are copied from)
  NAME.meta.json  {"id", "published", "outlet", "url", "title"}
  DIR.jsonl       one {"id", "text", "published", "outlet", "url", "title"} per article,
                  which is what `rasd extract` should read (it carries the dates); named
                  after the output folder: eval/snn/snn.jsonl, eval/heldout/heldout.jsonl

All of these outputs are gitignored. Standard library only.

usage: python3 scripts/eval/snn_texts.py [--shared DIR] [--out DIR]
  --shared  folder holding the SaudiNewsNet *.zip files
            (default: ../shared/data/saudinewsnet relative to the repository root;
            if that is absent, ../../shared/data/saudinewsnet, for git worktrees)
  --out     folder holding manifest.tsv and receiving the texts (default: eval/snn;
            e.g. --out eval/heldout for the held-out set)

If the corpus folder is absent, a warning is printed and the script exits 0, so that
checkouts without the corpus still pass; a corpus that is present but does not match
the manifest (missing zip, bad index, hash mismatch) is an error (exit 1).
"""
import argparse
import csv
import hashlib
import json
import os
import sys
import zipfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_SHARED = os.path.join(REPO, "..", "shared", "data", "saudinewsnet")
# a git worktree under /work/wt/NAME sits one level deeper than /work/main
FALLBACK_SHARED = os.path.join(REPO, "..", "..", "shared", "data", "saudinewsnet")
DEFAULT_OUT = os.path.join(REPO, "eval", "snn")


def read_manifest(path):
    """Rows of manifest.tsv as dicts with keys name, zip, index, url, sha256."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    need = {"name", "zip", "index", "url", "sha256"}
    for r in rows:
        missing = need - {k for k, v in r.items() if v}
        if missing:
            raise ValueError(f"manifest row {r.get('name')!r} lacks {sorted(missing)}")
    return rows


def load_zip(path, cache):
    """The JSON array of articles held by one corpus zip (cached per path)."""
    if path not in cache:
        with zipfile.ZipFile(path) as zf:
            members = [n for n in zf.namelist() if n.endswith(".json")]
            if len(members) != 1:
                raise ValueError(f"{path}: expected one .json member, found {members}")
            cache[path] = json.loads(zf.read(members[0]).decode("utf-8"))
    return cache[path]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=None, help="folder of SaudiNewsNet zips")
    ap.add_argument("--out", default=DEFAULT_OUT, help="folder with manifest.tsv; texts go here")
    args = ap.parse_args(argv)

    manifest = os.path.join(args.out, "manifest.tsv")
    if args.shared is None:
        args.shared = DEFAULT_SHARED
        if not os.path.isdir(DEFAULT_SHARED) and os.path.isdir(FALLBACK_SHARED):
            args.shared = FALLBACK_SHARED
    if not os.path.isdir(args.shared):
        print(f"warning: SaudiNewsNet corpus not found at {os.path.normpath(args.shared)}; "
              "no texts written (pass --shared DIR to point at the *.zip files)", file=sys.stderr)
        return 0
    rows = read_manifest(manifest)
    cache, errors, records = {}, 0, []
    for r in rows:
        name = r["name"]
        zpath = os.path.join(args.shared, r["zip"])
        try:
            arts = load_zip(zpath, cache)
            a = arts[int(r["index"])]
        except (OSError, ValueError, IndexError, zipfile.BadZipFile) as e:
            print(f"error: {name}: cannot read article {r['index']} of {zpath}: {e}", file=sys.stderr)
            errors += 1
            continue
        text = a.get("content") or ""
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest != r["sha256"]:
            print(f"error: {name}: sha256 mismatch ({digest} != {r['sha256']})", file=sys.stderr)
            errors += 1
            continue
        if a.get("url") != r["url"]:
            print(f"warning: {name}: url differs from manifest ({a.get('url')})", file=sys.stderr)
        meta = {"id": name, "published": (a.get("date_extracted") or "")[:10],
                "outlet": a.get("source", ""), "url": a.get("url", ""), "title": a.get("title", "")}
        # newline="" keeps the text byte-identical (no \n -> os.linesep translation)
        with open(os.path.join(args.out, name + ".txt"), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        with open(os.path.join(args.out, name + ".meta.json"), "w", encoding="utf-8") as f:
            json.dump(meta, f, ensure_ascii=False, indent=1)
            f.write("\n")
        records.append({"id": name, "text": text, "published": meta["published"],
                        "outlet": meta["outlet"], "url": meta["url"], "title": meta["title"]})
    jsonl = os.path.basename(os.path.normpath(os.path.abspath(args.out))) + ".jsonl"
    with open(os.path.join(args.out, jsonl), "w", encoding="utf-8", newline="") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} of {len(rows)} articles to {os.path.normpath(args.out)} "
          f"(+ {jsonl})", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
