//! The patient page `/c` is the same for every patient of one language: the link token is in
//! the URL fragment, which never reaches the server, so the HTML names no consent and no
//! practice. It is rendered once per language and then served from memory with the request's
//! own CSP nonce in place of the one it was rendered with (DESIGN §12: the patient page must
//! stay fast on a busy server; docs/benchmarks.md). Anything that could make it personal — a
//! session cookie, a query string, another method — is rendered as usual.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use app::csp::CspNonce;
use app::i18n::Locale;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::{HeaderMap, Method, StatusCode};

use crate::startup::AppState;

/// The rendered page is a few KB; anything larger is not the page we mean to keep.
const MAX_SHELL_BYTES: usize = 256 * 1024;

/// One rendering of the page per language, with the nonce it carries.
#[derive(Clone, Default)]
pub struct PatientShell(Arc<RwLock<HashMap<&'static str, Rendered>>>);

#[derive(Clone)]
struct Rendered {
    headers: HeaderMap,
    body: Bytes,
    nonce: Arc<str>,
}

impl Rendered {
    /// This rendering with `nonce` wherever the original nonce was.
    fn with_nonce(&self, nonce: &str) -> Response {
        let text = String::from_utf8_lossy(&self.body).replace(&*self.nonce, nonce);
        let mut response = Response::new(Body::from(text));
        *response.headers_mut() = self.headers.clone();
        response.headers_mut().remove(http::header::CONTENT_LENGTH);
        response
    }
}

fn header(request: &Request, name: http::header::HeaderName) -> Option<&str> {
    request.headers().get(name).and_then(|v| v.to_str().ok())
}

pub async fn serve(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let cookies = header(&request, http::header::COOKIE);
    let plain = request.method() == Method::GET
        && request.uri().path() == "/c"
        && request.uri().query().is_none()
        && cookies.is_none_or(|c| state.session_cookie.find(c).is_none());
    let Some(nonce) = request.extensions().get::<CspNonce>().cloned() else {
        return next.run(request).await;
    };
    if !plain {
        return next.run(request).await;
    }
    let locale = Locale::negotiate(cookies, header(&request, http::header::ACCEPT_LANGUAGE));
    let kept = state
        .patient_shell
        .0
        .read()
        .ok()
        .and_then(|shells| shells.get(locale.tag()).cloned());
    if let Some(rendered) = kept {
        return rendered.with_nonce(&nonce.0);
    }
    let response = next.run(request).await;
    let cacheable = response.status() == StatusCode::OK
        && !response.headers().contains_key(http::header::SET_COOKIE);
    if !cacheable {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_SHELL_BYTES).await else {
        // Too large or broken: nothing to keep, and nothing left to send either.
        return Response::builder()
            .status(StatusCode::INTERNAL_SERVER_ERROR)
            .body(Body::empty())
            .unwrap_or_default();
    };
    let rendered = Rendered {
        headers: parts.headers.clone(),
        body: body.clone(),
        nonce: nonce.0.clone(),
    };
    if let Ok(mut shells) = state.patient_shell.0.write() {
        shells.insert(locale.tag(), rendered);
    }
    Response::from_parts(parts, Body::from(body))
}
