//! Logging. One root span per request carries a server-made request id and the matched route
//! pattern (for unmatched requests only static asset paths, else `<unmatched>`); query strings,
//! cookies and caller-supplied ids are never logged. Patient links keep their token in the URL
//! fragment, which browsers never send, so no token reaches a log line.

use std::error::Error;
use std::fmt::Write as _;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::extract::MatchedPath;
use http::Request;
use tower_http::request_id::RequestId;
use tracing::Span;
use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;

use crate::settings::{LogFormat, Settings};

const DEFAULT_FILTER: &str = "info,sqlx=warn,leptos_axum=warn";

/// Whether log lines still reach a writer: set by `install`, cleared when its guard is
/// dropped. Afterwards the subscriber stays installed but writes nowhere, so a fatal error
/// must go to stderr instead (`server bench` closes its log file before reporting).
static LOG_OPEN: AtomicBool = AtomicBool::new(false);

/// Keeps the log writer running; dropping it writes out what is still queued.
#[must_use = "log lines queued when the guard is dropped are written out and later ones lost"]
pub struct LogGuard(#[allow(dead_code)] WorkerGuard);

impl Drop for LogGuard {
    fn drop(&mut self) {
        LOG_OPEN.store(false, Ordering::SeqCst);
    }
}

/// Whether a log writer is running (a `LogGuard` is alive).
pub fn log_open() -> bool {
    LOG_OPEN.load(Ordering::SeqCst)
}

/// Installs the global subscriber writing to stdout (once; later calls, e.g. from tests, are
/// ignored and answer `None`).
pub fn init(settings: &Settings) -> Option<LogGuard> {
    use std::io::IsTerminal as _;
    // Colours only for a person at a terminal, never into a file or a log collector.
    let ansi = std::io::stdout().is_terminal();
    install(std::io::stdout(), settings.log_format, ansi)
}

/// Installs the global subscriber writing to `writer`, with the filter of `RUST_LOG` or the
/// default (one INFO line per request).
///
/// Lines are formatted on the request's thread and written by a thread of their own, in
/// batches: the write system call per line was about a fifth of the time of serving the
/// patient page (docs/benchmarks.md). None is dropped while the guard lives: a full queue makes
/// the caller wait. The writer thread writes out what is queued whenever the queue runs empty,
/// so lines appear as promptly as before when the server is not busy. Dropping the guard
/// writes out the queue, waiting about a second at most for a blocked writer.
pub fn install<W: Write + Send + 'static>(
    writer: W,
    format: LogFormat,
    ansi: bool,
) -> Option<LogGuard> {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .lossy(false)
        .thread_name("log-writer")
        .finish(std::io::BufWriter::new(writer));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(true)
        .with_ansi(ansi)
        .with_writer(writer);
    let installed = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
    installed.ok()?;
    LOG_OPEN.store(true, Ordering::SeqCst);
    Some(LogGuard(guard))
}

/// The root span of a request: method, route pattern (not the raw path where a route matched)
/// and the request id set by `SetRequestIdLayer`.
pub fn request_span<B>(request: &Request<B>) -> Span {
    let route = match request.extensions().get::<MatchedPath>() {
        Some(matched) => matched.as_str().to_owned(),
        None if is_static_asset(request.uri().path()) => request.uri().path().to_owned(),
        None => "<unmatched>".to_owned(),
    };
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!("request", method = %request.method(), route = %route, request_id = %request_id)
}

/// Static files are public and harmless to name in logs; any other unmatched path is whatever a
/// caller typed and is not logged.
fn is_static_asset(path: &str) -> bool {
    path.starts_with("/pkg/") || matches!(path, "/favicon.svg" | "/favicon.ico" | "/robots.txt")
}

/// Makes each request's id: a random (version 4) UUID, as tower-http's `MakeRequestUuid` does,
/// but from the thread's CSPRNG instead of a `getrandom` system call for every request.
#[derive(Clone, Copy, Default)]
pub struct MakeRequestId;

impl tower_http::request_id::MakeRequestId for MakeRequestId {
    fn make_request_id<B>(&mut self, _: &Request<B>) -> Option<RequestId> {
        let id = uuid::Builder::from_random_bytes(rand::random()).into_uuid();
        let mut text = uuid::Uuid::encode_buffer();
        let text = id.hyphenated().encode_lower(&mut text);
        http::HeaderValue::from_str(text).ok().map(RequestId::new)
    }
}

/// Request ids are made by the server: a caller-supplied `x-request-id` could carry anything
/// into every log line of the request, so it is dropped before one is assigned.
pub async fn drop_incoming_request_id(
    mut request: axum::extract::Request,
) -> axum::extract::Request {
    request.headers_mut().remove("x-request-id");
    request
}

/// Reports a fatal error with its whole cause chain, once: through the logs while they are
/// written, else straight to stderr (before the subscriber exists, or after its writer closed).
pub fn report_fatal(error: &dyn Error) {
    let message = fatal_message(error);
    if log_open() {
        tracing::error!("{message}");
    } else {
        eprintln!("{message}");
    }
}

fn fatal_message(error: &dyn Error) -> String {
    let mut message = format!("error: {error}");
    let mut source = error.source();
    while let Some(cause) = source {
        // Many errors repeat their cause in their own message; print each text once.
        let text = cause.to_string();
        if !message.contains(&text) {
            let _ = write!(message, "\n  caused by: {text}");
        }
        source = cause.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use tower_http::request_id::MakeRequestId as _;

    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("buffer").extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// The only test in this binary that installs the global subscriber.
    #[test]
    fn fatal_errors_reach_the_log_while_it_is_open_and_stderr_after() {
        let captured = Captured::default();
        let guard = super::install(captured.clone(), crate::settings::LogFormat::Text, false)
            .expect("the first subscriber of this test binary");
        assert!(super::log_open());
        let error = std::io::Error::other("the database went away");
        super::report_fatal(&error);
        drop(guard);
        let written = String::from_utf8(captured.0.lock().expect("buffer").clone()).expect("utf-8");
        assert!(
            written.contains("error: the database went away"),
            "{written}"
        );
        // `server bench` reports after closing its log file: the report must then go to stderr,
        // not into the closed writer (it did: the subscriber was still installed).
        assert!(!super::log_open());
    }

    #[test]
    fn request_ids_are_fresh_version_4_uuids() {
        let request = http::Request::new(());
        let mut make = super::MakeRequestId;
        let ids: Vec<uuid::Uuid> = (0..3)
            .map(|_| {
                let id = make.make_request_id(&request).expect("an id");
                let text = id.header_value().to_str().expect("text").to_owned();
                assert_eq!(text.len(), 36, "{text}");
                uuid::Uuid::parse_str(&text).expect("a uuid")
            })
            .collect();
        assert!(ids.iter().all(|id| id.get_version_num() == 4));
        assert!(ids[0] != ids[1] && ids[1] != ids[2]);
    }
}
