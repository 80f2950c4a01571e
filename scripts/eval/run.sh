#!/usr/bin/env bash
# Scores rasd on every gold set: the seed, the SaudiNewsNet development sets under eval/snn,
# eval/dev2, eval/dev3, eval/dev4, eval/dev5, eval/dev6, eval/dev7, eval/dev8, eval/dev9, eval/dev10 (sport) and eval/dev11 (all in the "all gold" total) and, separately, the
# held-out SaudiNewsNet articles under eval/heldout (never tune on those; never in the total).
# Usage: [EXTRACT_ARGS=--tagger] scripts/eval/run.sh [path/to/rasd]   (default: target/release/rasd,
# built if missing; EXTRACT_ARGS are passed to every `rasd extract`)
set -euo pipefail
cd "$(dirname "$0")/../.."
RASD=${1:-target/release/rasd}
[ -x "$RASD" ] || cargo build --release -q -p rasd
mkdir -p out
"$RASD" extract -q ${EXTRACT_ARGS:-} samples/seed.txt --date 2014-06-12 -o out/seed.jsonl
echo "== seed (eval/seed.gold.json)"
"$RASD" eval eval/seed.gold.json --system out/seed.jsonl
# score_set NAME TITLE: materialise eval/NAME's texts from the corpus, extract and score
# them; fails (and scores nothing) when the corpus is absent.
score_set() {
  local name=$1 title=$2
  python3 scripts/eval/snn_texts.py --out "eval/$name" >/dev/null && [ -s "eval/$name/$name.jsonl" ] || return 1
  "$RASD" extract -q ${EXTRACT_ARGS:-} "eval/$name/$name.jsonl" -o "out/$name.jsonl"
  echo "== $title"
  "$RASD" eval "eval/$name" --system "out/$name.jsonl"
}
if score_set snn "SaudiNewsNet gold (eval/snn, 12 articles)"; then
  all_gold=(eval/seed.gold.json eval/snn)
  cat out/seed.jsonl out/snn.jsonl > out/all.jsonl
  for set in "dev2:second development gold (eval/dev2, 12 articles)" \
             "dev3:third development gold (eval/dev3, 10 articles)" \
             "dev4:fourth development gold (eval/dev4, 10 articles)" \
             "dev5:fifth development gold (eval/dev5, 10 articles)" \
             "dev6:sixth development gold (eval/dev6, 10 articles)" \
             "dev7:seventh development gold (eval/dev7, 10 articles)" \
             "dev8:eighth development gold (eval/dev8, 10 articles)" \
             "dev9:ninth development gold (eval/dev9, 10 articles)" \
             "dev10:tenth development gold, sport (eval/dev10, 8 articles)" \
             "dev11:eleventh development gold (eval/dev11, 10 articles)"; do
    if score_set "${set%%:*}" "${set#*:}"; then
      all_gold+=("eval/${set%%:*}")
      cat "out/${set%%:*}.jsonl" >> out/all.jsonl
    fi
  done
  echo "== all gold (${all_gold[*]})"
  "$RASD" eval "${all_gold[@]}" --system out/all.jsonl
else
  echo "SaudiNewsNet corpus absent: only the seed was scored"
fi
score_set heldout "held-out SaudiNewsNet gold (eval/heldout, 8 articles; not in 'all gold')" || true
