//! Requests run to their end even when nobody waits for the answer any more.
//!
//! A browser that reloads or navigates away closes its connections, and the server then drops
//! the work of their requests at whatever `.await` they had reached; so does the request
//! timeout. Most of that is harmless, but not all: a task dropped while its `BEGIN` is under
//! way (sqlx 0.8) hands its connection back to the pool inside a transaction that sqlx does not
//! know about. Every later statement on that connection then runs in it, holding its row locks
//! (seen: a member's vault request waited a minute for their session row) until some request's
//! `BEGIN` … `COMMIT` commits it, or a rollback loses what was written meanwhile. Running each
//! handler as a task of its own makes every request finish what it started: its transaction is
//! committed or rolled back, never left open.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse as _, Response};
use http::StatusCode;
use tracing::Instrument as _;

/// Runs the rest of the request as its own task (in the request's span, so its log lines keep
/// their request id) and waits for it; dropping this wait leaves the task running.
pub async fn run_to_completion(request: Request, next: Next) -> Response {
    match tokio::spawn(next.run(request).in_current_span()).await {
        Ok(response) => response,
        Err(error) => {
            tracing::error!(%error, "request handler failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
