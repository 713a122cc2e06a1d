#!/usr/bin/env bash
# Runs the crypto crate's whole test suite compiled to wasm32-unknown-unknown under
# wasm-bindgen-test: in Node by default, in headless Chromium with WASM_BROWSER=chromium.
# Offline, idempotent, exits non-zero on any failure. Needs: the wasm32 target, Node, and
# wasm-bindgen-test-runner of exactly the wasm-bindgen version in Cargo.lock (wasm-bindgen-cli);
# for Chromium also /usr/bin/chromium and chromedriver (Debian: chromium-driver).
#
#   crypto/test-wasm.sh                       # Node
#   WASM_BROWSER=chromium crypto/test-wasm.sh # headless Chromium
#   crypto/test-wasm.sh --test submission     # extra arguments go to `cargo test`
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)"
have="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{ print $2 }' || true)"
if [[ -z "$have" ]]; then
    echo "test-wasm: wasm-bindgen-test-runner not found; install with" >&2
    echo "  cargo install wasm-bindgen-cli --version ${want:-<see Cargo.lock>}" >&2
    exit 1
fi
if [[ -n "$want" && "$have" != "$want" ]]; then
    echo "test-wasm: wasm-bindgen-test-runner is $have but Cargo.lock has wasm-bindgen $want" >&2
    exit 1
fi
rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown || {
    echo "test-wasm: run 'rustup target add wasm32-unknown-unknown' first" >&2
    exit 1
}

export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-600}"
case "${WASM_BROWSER:-node}" in
    node)
        command -v node >/dev/null || { echo "test-wasm: node not found" >&2; exit 1; }
        unset WASM_BINDGEN_USE_BROWSER
        ;;
    chromium)
        driver="${CHROMEDRIVER:-$(command -v chromedriver || true)}"
        [[ -x "$driver" ]] || { echo "test-wasm: chromedriver not found (apt-get install chromium-driver)" >&2; exit 1; }
        export CHROMEDRIVER="$driver" WASM_BINDGEN_USE_BROWSER=1
        ;;
    *)
        echo "test-wasm: WASM_BROWSER must be node or chromium" >&2
        exit 1
        ;;
esac

# Argon2id (19-64 MiB) is slow in unoptimised WASM, so the suite runs with the release profile;
# the tests are the same ones `cargo test -p crypto` runs natively.
cargo test -p crypto --target wasm32-unknown-unknown --release "$@"
