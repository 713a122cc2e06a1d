//! Resolves the session cookie of each request into the signed-in staff member
//! (`app::auth::Staff` in the request extensions), for server functions to authorise against.

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;

use app::auth::Staff;

use crate::AppState;

pub async fn load(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    // Static files need no session; skipping them saves a query per asset.
    if !request.uri().path().starts_with("/pkg/") {
        if let Some(staff) = resolve(&state, request.headers()).await {
            request.extensions_mut().insert(staff);
        }
    }
    next.run(request).await
}

async fn resolve(state: &AppState, headers: &http::HeaderMap) -> Option<Staff> {
    let token = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(|cookies| state.session_cookie.find(cookies))?;
    // A malformed token is simply no session.
    let token = crypto::Token::from_text(token).ok()?;
    let session_hash = *token.hash().as_bytes();
    let mut conn = match state.pool.acquire().await {
        Ok(conn) => conn,
        Err(error) => {
            tracing::error!(%error, "session lookup: no database connection");
            return None;
        }
    };
    match db::session::touch(&mut conn, &session_hash, state.session_policy).await {
        Ok(owner) => owner.map(|o| Staff {
            practice_id: o.practice_id,
            user_id: o.user_id,
            role: o.role,
            two_factor_verified: o.two_factor_verified,
            session_hash,
        }),
        Err(error) => {
            tracing::error!(%error, "session lookup failed");
            None
        }
    }
}
