"""Reading the SaudiNewsNet corpus for the count-derived lists (common_words.py,
ordinary_words.py, ../text/wf_words.py): one place for where the corpus is and how its
articles are read, so every list counts exactly the same text."""

import glob
import json
import os
import sys
import zipfile


def default_corpus(root):
    """The shared SaudiNewsNet folder next to the repository (``root/../shared``), or next
    to its parent for a worktree one level deeper."""
    for up in (("..",), ("..", "..")):
        d = os.path.join(root, *up, "shared", "data", "saudinewsnet")
        if os.path.isdir(d):
            return os.path.normpath(d)
    return os.path.normpath(os.path.join(root, "..", "shared", "data", "saudinewsnet"))


def article_texts(corpus):
    """Title + newline + content of every article, daily zips in name order; exits with a
    message naming the folder when it holds no zips."""
    files = sorted(glob.glob(os.path.join(corpus, "*.zip")))
    if not files:
        sys.exit(f"no SaudiNewsNet zips under {corpus}")
    for path in files:
        with zipfile.ZipFile(path) as z:
            for name in sorted(z.namelist()):
                if not name.endswith(".json"):
                    continue
                for a in json.loads(z.read(name).decode("utf-8")):
                    yield (a.get("title") or "") + "\n" + (a.get("content") or "")
