#!/usr/bin/env bash
# Times the operations budgeted in issue 3 natively (criterion) and in WASM (the wasm-release
# profile the browser bundle uses; Node, plus headless Chromium when chromedriver is present),
# then prints one table. Offline. Needs what crypto/test-wasm.sh needs, and python3.
#
#   crypto/bench.sh              # native + WASM
#   BENCH_NATIVE=0 crypto/bench.sh   # WASM only
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

if [[ "${BENCH_NATIVE:-1}" != 0 ]]; then
    echo "bench: native (criterion, release profile)..." >&2
    cargo bench -p crypto --bench crypto -- --noplot >"$out/native.log" 2>&1 || { cat "$out/native.log" >&2; exit 1; }
fi

wasm_run() { # $1 = node | chromium
    echo "bench: wasm32 in $1 (wasm-release profile)..." >&2
    local env=(CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner WASM_BINDGEN_TEST_TIMEOUT=900)
    if [[ "$1" == chromium ]]; then
        env+=(WASM_BINDGEN_USE_BROWSER=1 "CHROMEDRIVER=$(command -v chromedriver)")
    fi
    env "${env[@]}" cargo test -p crypto --target wasm32-unknown-unknown --profile wasm-release \
        --features wasm-bench --test wasm_bench -- --nocapture >"$out/wasm-$1.log" 2>&1 \
        || { cat "$out/wasm-$1.log" >&2; exit 1; }
}
wasm_run node
if command -v chromedriver >/dev/null && [[ -x /usr/bin/chromium ]]; then
    wasm_run chromium
fi

python3 - "$target/criterion" "$out" <<'PY'
import json, os, re, sys
criterion, out = sys.argv[1], sys.argv[2]
ops = [  # (name, criterion path, budget in ms for WASM or None)
    ("HPKE seal+open, 4 KiB", "hpke_seal_open_4k", 3.0),
    ("password unwrap (Argon2id 64 MiB, t=3)", "slow/password_unwrap_64mib_t3", 600.0),
    ("blind index (name + birth date)", "blind_index_name_dob", None),
    ("object encrypt, 1 MiB", "object_encrypt_1mib", None),
    ("object decrypt, 1 MiB", "object_decrypt_1mib", None),
]
def native(path):
    try:
        with open(os.path.join(criterion, path, "new", "estimates.json")) as f:
            return json.load(f)["median"]["point_estimate"] / 1e6
    except OSError:
        return None
def wasm(engine):
    try:
        text = open(os.path.join(out, f"wasm-{engine}.log")).read()
    except OSError:
        return {}
    return {m[1]: float(m[2]) for m in re.finditer(r"BENCH (\S+) median_ms=([0-9.]+)", text)}
node, chromium = wasm("node"), wasm("chromium")
def fmt(ms):
    if ms is None: return "-"
    return f"{ms * 1000:.1f} µs" if ms < 1 else f"{ms:.2f} ms" if ms < 100 else f"{ms:.0f} ms"
print(f"| operation | native | WASM (Node) | WASM (Chromium) | WASM budget |")
print(f"|---|---|---|---|---|")
failed = False
for name, path, budget in ops:
    key = path.split("/")[-1]
    n, c = node.get(key), chromium.get(key)
    worst = max([v for v in (n, c) if v is not None], default=None)
    verdict = "-"
    if budget is not None:
        ok = worst is not None and worst <= budget
        failed |= not ok
        verdict = f"≤ {fmt(budget)} {'ok' if ok else 'OVER'}"
    print(f"| {name} | {fmt(native(path))} | {fmt(n)} | {fmt(c)} | {verdict} |")
sys.exit(1 if failed else 0)
PY
