#!/usr/bin/env bash
# Scores rasd on every gold set: the seed, the SaudiNewsNet development sets under eval/snn,
# eval/dev2 and eval/dev3 (all in the "all gold" total) and, separately, the held-out SaudiNewsNet
# articles under eval/heldout (never tune on those; never in the total).
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
if python3 scripts/eval/snn_texts.py >/dev/null && [ -s eval/snn/snn.jsonl ]; then
  "$RASD" extract -q ${EXTRACT_ARGS:-} eval/snn/snn.jsonl -o out/snn.jsonl
  echo "== SaudiNewsNet gold (eval/snn, 12 articles)"
  "$RASD" eval eval/snn --system out/snn.jsonl
  all_gold=(eval/seed.gold.json eval/snn)
  cat out/seed.jsonl out/snn.jsonl > out/all.jsonl
  if python3 scripts/eval/snn_texts.py --out eval/dev2 >/dev/null && [ -s eval/dev2/dev2.jsonl ]; then
    "$RASD" extract -q ${EXTRACT_ARGS:-} eval/dev2/dev2.jsonl -o out/dev2.jsonl
    echo "== second development gold (eval/dev2, 12 articles)"
    "$RASD" eval eval/dev2 --system out/dev2.jsonl
    all_gold+=(eval/dev2)
    cat out/dev2.jsonl >> out/all.jsonl
  fi
  if python3 scripts/eval/snn_texts.py --out eval/dev3 >/dev/null && [ -s eval/dev3/dev3.jsonl ]; then
    "$RASD" extract -q ${EXTRACT_ARGS:-} eval/dev3/dev3.jsonl -o out/dev3.jsonl
    echo "== third development gold (eval/dev3, 10 articles)"
    "$RASD" eval eval/dev3 --system out/dev3.jsonl
    all_gold+=(eval/dev3)
    cat out/dev3.jsonl >> out/all.jsonl
  fi
  echo "== all gold (${all_gold[*]})"
  "$RASD" eval "${all_gold[@]}" --system out/all.jsonl
else
  echo "SaudiNewsNet corpus absent: only the seed was scored"
fi
if python3 scripts/eval/snn_texts.py --out eval/heldout >/dev/null && [ -s eval/heldout/heldout.jsonl ]; then
  "$RASD" extract -q ${EXTRACT_ARGS:-} eval/heldout/heldout.jsonl -o out/heldout.jsonl
  echo "== held-out SaudiNewsNet gold (eval/heldout, 8 articles; not in 'all gold')"
  "$RASD" eval eval/heldout --system out/heldout.jsonl
fi
