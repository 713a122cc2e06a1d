//! Logging. One root span per request carries the request id and the matched route; paths are
//! logged without their query string, and patient links keep their token in the URL fragment,
//! which browsers never send, so no token or patient data reaches a log line.

use std::error::Error;
use std::fmt::Write as _;

use axum::extract::MatchedPath;
use http::Request;
use tracing::Span;
use tracing_subscriber::EnvFilter;

use crate::settings::{LogFormat, Settings};

const DEFAULT_FILTER: &str = "info,sqlx=warn,leptos_axum=warn";

/// Installs the global subscriber (once; later calls, e.g. from tests, are ignored).
pub fn init(settings: &Settings) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(true);
    let _already_set = match settings.log_format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
}

/// The root span of a request: method, route pattern (not the raw path where a route matched)
/// and the request id set by `SetRequestIdLayer`.
pub fn request_span<B>(request: &Request<B>) -> Span {
    let route = request.extensions().get::<MatchedPath>().map_or_else(
        || request.uri().path().to_owned(),
        |p| p.as_str().to_owned(),
    );
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!("request", method = %request.method(), route = %route, request_id = %request_id)
}

/// Prints a fatal startup error with its whole cause chain; the subscriber may not exist yet.
pub fn report_fatal(error: &dyn Error) {
    let mut message = format!("error: {error}");
    let mut source = error.source();
    while let Some(cause) = source {
        let _ = write!(message, "\n  caused by: {cause}");
        source = cause.source();
    }
    tracing::error!("{message}");
    eprintln!("{message}");
}
