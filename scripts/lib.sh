# Shared helpers for the project's scripts. Source it; do not run it.
# shellcheck shell=bash
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# The output name is compiled into the server (hydration script paths); it must equal `name`
# in Leptos.toml. Plain cargo commands use the same flags as a cargo-leptos debug build, so
# tests, clippy and `cargo leptos build` share one set of artifacts instead of rebuilding.
LEPTOS_OUTPUT_NAME="$(sed -n 's/^output-name *= *"\(.*\)"/\1/p' Leptos.toml | head -n1)"
DEV_RUSTFLAGS="--cfg erase_components"
# Builds never need a database: queries are checked against the committed .sqlx/ data.
export SQLX_OFFLINE=true

# Tools installed by scripts/setup live here; node tools in the project's own node_modules.
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
# Keep colour-eyre backtraces of cargo-leptos short in logs.
export RUST_BACKTRACE="${RUST_BACKTRACE:-0}"

say() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33mwarning:\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# cargo with the flags of a cargo-leptos debug build (see above).
cargo_dev() { RUSTFLAGS="$DEV_RUSTFLAGS" LEPTOS_OUTPUT_NAME="$LEPTOS_OUTPUT_NAME" cargo "$@"; }

# cargo-leptos sets RUSTFLAGS itself; an inherited value would be appended and change every
# fingerprint, so it runs without one.
cargo_leptos() { env -u RUSTFLAGS cargo leptos "$@"; }


# Time a step and print its duration, so README timings can be checked on any machine.
timed() {
    local label="$1"; shift
    local start=$SECONDS
    "$@"
    say "$label took $((SECONDS - start)) s"
}

# The connection URL of another database on the same server as $1.
url_with_database() {
    local url="$1" name="$2"
    sed -E "s#^(postgres(ql)?://[^/]*/)[^?]*#\1${name}#" <<<"$url"
}

# psql on a URL, quiet, stopping at the first error.
psql_url() {
    local url="$1"; shift
    local psql; psql="$(command -v psql || ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n1)"
    [[ -n "$psql" ]] || die "psql not found: install the PostgreSQL client (apt-get install postgresql-client)"
    PGOPTIONS="--client-min-messages=warning" "$psql" -X -q -v ON_ERROR_STOP=1 "$url" "$@"
}

# A fresh, empty database on the server of the app database (private cluster or DATABASE_URL);
# prints its URL.
fresh_database() {
    local name="$1" base
    base="$(scripts/db url)"
    psql_url "$(url_with_database "$base" postgres)" -c "drop database if exists \"$name\" with (force)" -c "create database \"$name\"" >/dev/null
    url_with_database "$base" "$name"
}

# A stable local deployment secret (DERMA_SERVER_SECRET) kept in .data/, made once.
local_server_secret() {
    local file="$ROOT/.data/server-secret"
    if [[ ! -s "$file" ]]; then
        mkdir -p "$ROOT/.data"
        (umask 077; head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$file")
    fi
    cat "$file"
}
