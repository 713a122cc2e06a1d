//! Logging. One root span per request carries a server-made request id and the matched route
//! pattern (for unmatched requests only static asset paths, else `<unmatched>`); query strings,
//! cookies and caller-supplied ids are never logged. Patient links keep their token in the URL
//! fragment, which browsers never send, so no token reaches a log line.

use std::error::Error;
use std::fmt::Write as _;

use axum::extract::MatchedPath;
use http::Request;
use tower_http::request_id::RequestId;
use tracing::Span;
use tracing_subscriber::EnvFilter;

use crate::settings::{LogFormat, Settings};

const DEFAULT_FILTER: &str = "info,sqlx=warn,leptos_axum=warn";

static INITIALISED: std::sync::OnceLock<()> = std::sync::OnceLock::new();

/// Installs the global subscriber (once; later calls, e.g. from tests, are ignored).
pub fn init(settings: &Settings) {
    let _ = INITIALISED.set(());
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

/// Prints a fatal startup error with its whole cause chain; the subscriber may not exist yet.
pub fn report_fatal(error: &dyn Error) {
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
    // Once: through the logs when they are set up, else straight to stderr.
    if INITIALISED.get().is_some() {
        tracing::error!("{message}");
    } else {
        eprintln!("{message}");
    }
}

#[cfg(test)]
mod tests {
    use tower_http::request_id::MakeRequestId as _;

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
