#!/usr/bin/env bash
# The whole test suite: every crate's unit, integration and property tests, then the
# end-to-end browser test of `rasd serve` (installs Debian's chromium and npm's
# playwright-core on first use).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --locked
cargo build --locked -q -p rasd --bin rasd
RASD_BIN="$PWD/target/debug/rasd" bash scripts/test/browser.sh
