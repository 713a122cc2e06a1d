//! `server bench` (`make bench`, issue 5): how fast the patient page `/c` is rendered on the
//! server compared with a bare axum handler, and how much a browser downloads to show it.
//!
//! Both servers run in this process on 127.0.0.1: the real router, built exactly as `server`
//! builds it (settings from the environment, migrations applied, every layer, request logging
//! at the production level, written to a file), and a bare axum `Router` whose only handler
//! returns the very bytes `/c` rendered, so both answers are the same size and pass the same
//! check. One load generator drives both in turns (page, bare, bare, page: a drift in machine
//! load hits both alike). Every answer must be 200 and contain the page's heading, or the run
//! fails. The figures go to stdout; the process fails when a budget is missed.

mod first_load;
mod load;
mod report;

use std::fmt::Write as _;
use std::net::SocketAddr;
use std::time::Duration;

use axum::body::Bytes;
use axum::routing::get;
use axum::Router;

use crate::settings::LogFormat;
use crate::{build_router, startup, telemetry, AppState, Settings, StartupError};

/// Budgets of issue 5.
pub(crate) const MIN_RATIO: f64 = 0.5;
pub(crate) const MAX_FIRST_LOAD_BROTLI: usize = 350_000;

pub(crate) struct Plan {
    pub(crate) connections: usize,
    warm_up: Duration,
    /// Measured time per target, split into two rounds.
    measure: Duration,
    log_file: String,
}

impl Plan {
    fn from_env() -> Result<Self, StartupError> {
        let number = |key: &str, default: u64| -> Result<u64, StartupError> {
            match std::env::var(key) {
                Err(_) => Ok(default),
                Ok(v) => v
                    .trim()
                    .parse()
                    .ok()
                    .filter(|n| (1..=600).contains(n))
                    .ok_or_else(|| {
                        StartupError::Bench(format!(
                            "{key} must be a number from 1 to 600, not {v:?}"
                        ))
                    }),
            }
        };
        Ok(Self {
            connections: usize::try_from(number("DERMA_BENCH_CONNECTIONS", 16)?).unwrap_or(16),
            warm_up: Duration::from_secs(number("DERMA_BENCH_WARMUP_SECS", 1)?),
            measure: Duration::from_secs(number("DERMA_BENCH_SECS", 5)?),
            log_file: std::env::var("DERMA_BENCH_LOG")
                .unwrap_or_else(|_| "target/bench-server.log".to_owned()),
        })
    }
}

pub async fn run(settings: Settings) -> Result<(), StartupError> {
    let plan = Plan::from_env()?;
    let _log = log_to_file(&plan.log_file, settings.log_format)?;
    let heading = app::i18n::Locale::De.messages().patient_title;
    let leptos_options = startup::leptos_options(&settings)?;
    crate::assets::remove_stale_copies(
        std::path::Path::new(&*leptos_options.site_root),
        &leptos_options.site_pkg_dir,
    )?;
    let pool = startup::connect_and_migrate(&settings).await?;
    let router = build_router(AppState::new(leptos_options, pool, settings));
    let (listener, app) = bind_local().await?;
    // As `startup::serve` does (the peer address feeds rate limits and the audit).
    tokio::spawn(async move {
        report_stop(
            axum::serve(
                listener,
                router.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .await,
        );
    });
    let (status, _, html) = load::get_once(app, "/c", "br, gzip")
        .await
        .map_err(StartupError::Bench)?;
    let html_text = String::from_utf8_lossy(&html).into_owned();
    if status != http::StatusCode::OK || !html_text.contains(heading) {
        return Err(StartupError::Bench(format!(
            "GET /c answered {status} without the heading {heading:?}; see {}",
            plan.log_file
        )));
    }
    let (listener, bare) = bind_local().await?;
    let bare_router = bare_router(html.clone());
    tokio::spawn(async move { report_stop(axum::serve(listener, bare_router).await) });

    let page = load::Target {
        addr: app,
        path: "/c",
        must_contain: heading,
    };
    let bare = load::Target {
        addr: bare,
        path: "/c",
        must_contain: heading,
    };
    let (mut page_total, mut bare_total, rounds) = measure(&plan, &page, &bare).await?;
    let files = first_load::files(app, &html_text)
        .await
        .map_err(StartupError::Bench)?;
    let html_brotli = first_load::brotli_size_of(html.to_vec())
        .await
        .map_err(StartupError::Bench)?;

    let mut out = String::new();
    let throughput_ok =
        report::throughput(&mut out, &plan, &mut page_total, &mut bare_total, &rounds);
    let size_ok = report::first_load(&mut out, &files, html.len(), html_brotli);
    let _ = writeln!(
        out,
        "\nbench: {}",
        match (throughput_ok, size_ok) {
            (true, true) => "PASS (both budgets of issue 5 hold)",
            (false, true) => "FAIL (server-rendering ratio below budget)",
            (true, false) => "FAIL (first load over budget)",
            (false, false) => "FAIL (ratio below budget and first load over budget)",
        }
    );
    print(&out);
    if throughput_ok && size_ok {
        Ok(())
    } else {
        Err(StartupError::Bench(
            "a budget was missed (figures above)".to_owned(),
        ))
    }
}

/// The same handler shape as the simplest axum example: a static body, no layers.
fn bare_router(html: Bytes) -> Router {
    Router::new().route(
        "/c",
        get(move || {
            let html = html.clone();
            async move {
                (
                    [(http::header::CONTENT_TYPE, "text/html; charset=utf-8")],
                    html,
                )
            }
        }),
    )
}

/// A listener on an ephemeral port of 127.0.0.1.
async fn bind_local() -> Result<(tokio::net::TcpListener, SocketAddr), StartupError> {
    let any = SocketAddr::from(([127, 0, 0, 1], 0));
    let listener = tokio::net::TcpListener::bind(any)
        .await
        .map_err(|source| StartupError::Bind { addr: any, source })?;
    let addr = listener
        .local_addr()
        .map_err(|source| StartupError::Bind { addr: any, source })?;
    Ok((listener, addr))
}

fn report_stop(result: std::io::Result<()>) {
    if let Err(error) = result {
        tracing::error!(%error, "bench server stopped");
    }
}

/// Warm-up of both, then page, bare, bare, page; returns the totals and each round's rate.
async fn measure(
    plan: &Plan,
    page: &load::Target,
    bare: &load::Target,
) -> Result<(load::Sample, load::Sample, [f64; 4]), StartupError> {
    let run = |target: &load::Target, time: Duration| {
        let target = target.clone();
        async move {
            load::run(&target, plan.connections, time)
                .await
                .map_err(StartupError::Bench)
        }
    };
    say(&format!(
        "warming up both targets ({} s each), then measuring {} s each in 4 alternating rounds",
        plan.warm_up.as_secs(),
        plan.measure.as_secs()
    ));
    for target in [page, bare] {
        let warm = run(target, plan.warm_up).await?;
        if let Some(failure) = warm.first_failure {
            return Err(StartupError::Bench(format!("during warm-up: {failure}")));
        }
    }
    let half = plan.measure / 2;
    let mut page_total = load::Sample::default();
    let mut bare_total = load::Sample::default();
    let mut rounds = [0.0; 4];
    for (round, is_page) in [true, false, false, true].into_iter().enumerate() {
        let sample = run(if is_page { page } else { bare }, half).await?;
        rounds[round] = sample.per_second();
        if is_page {
            page_total.merge(sample);
        } else {
            bare_total.merge(sample);
        }
    }
    Ok((page_total, bare_total, rounds))
}

#[allow(clippy::print_stdout)] // the report is the command's output
fn print(report: &str) {
    print!("{report}");
}

#[allow(clippy::print_stderr)] // progress, kept apart from the report
fn say(text: &str) {
    eprintln!("bench: {text}");
}

/// Request logging as in production (`telemetry::install`), into a file so that stdout holds
/// only the report.
fn log_to_file(path: &str, format: LogFormat) -> Result<Option<telemetry::LogGuard>, StartupError> {
    let file = std::fs::File::create(path)
        .map_err(|e| StartupError::Bench(format!("cannot write the server log {path}: {e}")))?;
    Ok(telemetry::install(file, format, false))
}
