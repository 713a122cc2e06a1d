//! Resolves who is asking: the session cookie into the signed-in staff member
//! (`app::auth::Staff`) and the peer address into its network (`app::auth::ClientNetwork`),
//! both as request extensions for server functions.

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;

use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;

use app::auth::{ClientNetwork, Staff};

use crate::AppState;

pub async fn load(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let network = client_ip(&request, &state.settings.trusted_proxy).map(domain::truncated_ip);
    request.extensions_mut().insert(ClientNetwork(network));
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
            email: o.email,
            two_factor_verified: o.two_factor_verified,
            two_factor_enabled: o.two_factor_enabled,
            two_factor_required: o.two_factor_required,
            session_hash,
        }),
        Err(error) => {
            tracing::error!(%error, "session lookup failed");
            None
        }
    }
}

/// The client's address: the peer's, or behind our own proxies the one they forwarded.
fn client_ip(request: &Request, proxies: &crate::proxy::TrustedProxies) -> Option<IpAddr> {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip())?;
    let forwarded = request
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok());
    Some(proxies.client(peer, forwarded))
}
