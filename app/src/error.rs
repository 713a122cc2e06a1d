//! The error every server function returns: variants the UI can act on, no internals.
//! Causes are logged where they are converted (on the server), never sent.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The input was refused; the text says what to change (already translated).
    #[error("invalid input: {0}")]
    Validation(String),
    /// The action conflicts with the current state (e.g. already used).
    #[error("conflict: {0}")]
    Conflict(String),
    /// Not signed in, or the session ended.
    #[error("not signed in")]
    Unauthorized,
    /// Signed in, but this role may not do that.
    #[error("not allowed for this role")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("too many attempts; try again in {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    /// Something failed on our side; details are only in the server log.
    #[error("internal error")]
    Internal,
    /// The request did not reach the server function or its answer was unreadable.
    #[error("connection problem: {0}")]
    Transport(String),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // On the server: the request's arguments could not be read (malformed JSON, a
            // missing or mistyped field; the JSON codec calls that `Deserialization`, the URL
            // codec `Args`). The client's mistake, so 400 rather than 500; our own pages never
            // send such a request. (The server deserializes nothing else.)
            #[cfg(feature = "ssr")]
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_) => {
                answered(AppError::Validation(MALFORMED_REQUEST.to_owned()))
            }
            other => AppError::Transport(other.to_string()),
        }
    }
}

/// The answer to a request whose arguments could not be read. Only programs other than our
/// pages see it, so it is not translated.
#[cfg(feature = "ssr")]
pub const MALFORMED_REQUEST: &str =
    "Die Anfrage ist unvollständig oder fehlerhaft. / The request is incomplete or malformed.";

#[cfg(feature = "ssr")]
impl From<db::SqlxError> for AppError {
    fn from(error: db::SqlxError) -> Self {
        db::DbError::from(error).into()
    }
}

/// The database pool the server put into this request's context.
#[cfg(feature = "ssr")]
pub fn db_pool() -> Result<db::PgPool, AppError> {
    leptos::prelude::use_context::<db::PgPool>().ok_or_else(|| {
        tracing::error!("no database pool in the server function context");
        AppError::Internal
    })
}

#[cfg(feature = "ssr")]
impl From<db::DbError> for AppError {
    fn from(error: db::DbError) -> Self {
        tracing::error!(%error, "database error in a server function");
        AppError::Internal
    }
}

impl AppError {
    /// The HTTP status this error is answered with, so logs and monitors tell expected refusals
    /// (4xx) from faults (5xx).
    pub const fn status(&self) -> u16 {
        match self {
            AppError::Validation(_) => 400,
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Conflict(_) => 409,
            AppError::RateLimited { .. } => 429,
            AppError::Internal => 500,
            AppError::Transport(_) => 502,
        }
    }
}

/// Sets the response status for an error a server function returns (server side).
#[cfg(feature = "ssr")]
pub fn answered(error: AppError) -> AppError {
    if let (Some(response), Ok(status)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(error.status()),
    ) {
        response.set_status(status);
        if let AppError::RateLimited { retry_after_secs } = &error {
            // Tells clients (and proxies) when to try again, as the message does for people.
            if let Ok(value) = http::HeaderValue::from_str(&retry_after_secs.to_string()) {
                response.insert_header(http::header::RETRY_AFTER, value);
            }
        }
    }
    error
}
