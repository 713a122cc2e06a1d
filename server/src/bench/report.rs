//! The bench's report: one table per budget, with the verdict.

use std::fmt::Write as _;

use super::{first_load, load, Plan, MAX_FIRST_LOAD_BROTLI, MIN_RATIO};

pub(super) fn throughput(
    out: &mut String,
    plan: &Plan,
    page: &mut load::Sample,
    bare: &mut load::Sample,
    rounds: &[f64; 4],
) -> bool {
    let ratio = page.per_second() / bare.per_second();
    let failures = page.failures + bare.failures;
    let ok = ratio >= MIN_RATIO && failures == 0;
    let _ = writeln!(
        out,
        "Server-side rendering of the patient page /c ({} build, {} CPUs, {} keep-alive connections, client in the same process)",
        if cfg!(debug_assertions) { "DEBUG (not representative)" } else { "release" },
        std::thread::available_parallelism().map_or(0, std::num::NonZero::get),
        plan.connections,
    );
    let _ = writeln!(
        out,
        "  {:<34} {:>9} {:>8} {:>8} {:>9}  req/s per round",
        "target", "req/s", "p50 ms", "p99 ms", "requests"
    );
    for (name, sample, (a, b)) in [
        (
            "GET /c, the real router",
            &mut *page,
            (rounds[0], rounds[3]),
        ),
        (
            "bare axum handler, same bytes",
            &mut *bare,
            (rounds[1], rounds[2]),
        ),
    ] {
        let _ = writeln!(
            out,
            "  {name:<34} {:>9.0} {:>8.2} {:>8.2} {:>9}  {a:.0}, {b:.0}",
            sample.per_second(),
            sample.percentile_ms(0.5),
            sample.percentile_ms(0.99),
            sample.requests,
        );
    }
    let _ = writeln!(
        out,
        "  ratio /c ÷ bare: {ratio:.3} (budget ≥ {MIN_RATIO}) {}",
        if ratio >= MIN_RATIO { "PASS" } else { "FAIL" }
    );
    let _ = writeln!(
        out,
        "  answers: {} of {} were 200 with the heading{}",
        page.requests + bare.requests - failures,
        page.requests + bare.requests,
        page.first_failure
            .as_ref()
            .or(bare.first_failure.as_ref())
            .map_or(String::new(), |f| format!(" — FAIL, first: {f}")),
    );
    ok
}

pub(super) fn first_load(
    out: &mut String,
    files: &[first_load::File],
    html_raw: usize,
    html_brotli: usize,
) -> bool {
    let brotli: usize = files.iter().map(|f| f.brotli).sum();
    let raw: usize = files.iter().map(|f| f.raw).sum();
    let sent: usize = files.iter().map(|f| f.sent).sum();
    let ok = brotli <= MAX_FIRST_LOAD_BROTLI;
    let _ = writeln!(out, "\nFirst load of /c: the files its HTML names (1 KB = 1000 bytes; brotli quality 11, window 24)");
    let _ = writeln!(
        out,
        "  {:<40} {:>12} {:>12} {:>22}",
        "file", "raw bytes", "brotli bytes", "sent by this server"
    );
    for file in files {
        let _ = writeln!(
            out,
            "  {:<40} {:>12} {:>12} {:>22}",
            file.path,
            group(file.raw),
            group(file.brotli),
            format!("{} {}", group(file.sent), file.served_as)
        );
    }
    let _ = writeln!(
        out,
        "  {:<40} {:>12} {:>12} {:>22}",
        "total (WASM + JS + CSS)",
        group(raw),
        group(brotli),
        group(sent)
    );
    let _ = writeln!(
        out,
        "  first load {:.1} KB brotli (budget ≤ {} KB) {}; {:.1} KB raw",
        kb(brotli),
        MAX_FIRST_LOAD_BROTLI / 1000,
        if ok { "PASS" } else { "FAIL" },
        kb(raw),
    );
    let _ = writeln!(
        out,
        "  not in the budget: the HTML of /c itself, {} bytes raw, {} brotli",
        group(html_raw),
        group(html_brotli)
    );
    ok
}

#[allow(clippy::cast_precision_loss)] // file sizes stay far below 2^52
fn kb(bytes: usize) -> f64 {
    bytes as f64 / 1000.0
}

/// 1234567 → "1,234,567".
fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn groups_thousands() {
        assert_eq!(super::group(0), "0");
        assert_eq!(super::group(999), "999");
        assert_eq!(super::group(1000), "1,000");
        assert_eq!(super::group(1_234_567), "1,234,567");
    }
}
