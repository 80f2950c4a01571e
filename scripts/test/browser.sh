#!/usr/bin/env bash
# End-to-end browser test of `rasd serve`: extracts samples/seed.txt, serves the records on a
# free loopback port and drives Debian's chromium with playwright-core (test.js beside this
# script). Installs chromium (apt) and playwright-core (npm ci, lockfile committed) only when
# missing. Screenshots and logs go to target/browser-test/. Exit code 0 only if every check passed.
# Set RASD_BIN to use an already built binary (default: cargo build -p rasd, debug).
# RASD_SERVE_MODE=db serves a corpus store instead: the same two documents are ingested
# (`rasd ingest`) into a fresh temporary database and served with `rasd serve --db`
# (read-only). The default, RASD_SERVE_MODE=records, serves the extracted JSONL records.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
mode=${RASD_SERVE_MODE:-records}
# Each mode keeps its own screenshots and logs.
out="$root/target/browser-test"
[ "$mode" = records ] || out="$out-$mode"
mkdir -p "$out"

if [ ! -x /usr/bin/chromium ]; then
  echo "browser.sh: installing Debian's chromium" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

pw="$root/scripts/test/browser"
if [ ! -f "$pw/node_modules/playwright-core/package.json" ]; then
  (cd "$pw" && npm ci --no-audit --no-fund --silent)
fi

bin=${RASD_BIN:-}
if [ -z "$bin" ]; then
  (cd "$root" && cargo build -q -p rasd --bin rasd)
  bin="$root/target/debug/rasd"
fi

records="$out/records.jsonl"
"$bin" extract "$root/samples/seed.txt" --date 2014-06-12 -q -o "$out/seed.jsonl"
# A hostile document: markup in the text must show as text and run nothing.
printf 'خبر عاجل <script>window.__pwned=1</script> ثم <img src=x onerror="window.__pwned=2"> في طرابلس.\n' > "$out/xss.txt"
"$bin" extract "$out/xss.txt" --id xss --date 2014-06-12 -q -o "$out/xss.jsonl"
cat "$out/seed.jsonl" "$out/xss.jsonl" > "$records"

case "$mode" in
  records) source_args=(--records "$records") ;;
  db)
    # Documents as JSONL input for ingest, with the same ids and publication date.
    docs="$out/docs.jsonl"
    node -e '
      const fs = require("fs");
      const [seed, xss, date] = process.argv.slice(1);
      for (const [id, f] of [["seed", seed], ["xss", xss]])
        process.stdout.write(JSON.stringify({ id, published: date, text: fs.readFileSync(f, "utf8") }) + "\n");
    ' "$root/samples/seed.txt" "$out/xss.txt" 2014-06-12 > "$docs"
    db="$out/corpus.db"
    rm -f "$db" "$db-wal" "$db-shm"
    "$bin" ingest "$docs" --db "$db" -q
    source_args=(--db "$db")
    ;;
  *) echo "browser.sh: RASD_SERVE_MODE must be records or db, not $mode" >&2; exit 2 ;;
esac

"$bin" serve "${source_args[@]}" --addr 127.0.0.1:0 2> "$out/serve.log" &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
trap cleanup EXIT

url=""
for _ in $(seq 1 100); do
  url=$(sed -n 's/^rasd serve: listening on \(http:[^ ]*\)$/\1/p' "$out/serve.log" | head -n1)
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$out/serve.log" >&2; exit 1; }
  sleep 0.2
done
[ -n "$url" ] || { echo "browser.sh: server did not start" >&2; cat "$out/serve.log" >&2; exit 1; }

node "$pw/test.js" "$url" "$out"
