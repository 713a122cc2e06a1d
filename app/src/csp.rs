//! Server side of the Content-Security-Policy nonce: the server's middleware puts a fresh
//! [`CspNonce`] into each request; the renderer uses the same value on its inline scripts.

use std::sync::Arc;

use leptos::nonce::Nonce;
use leptos::prelude::{provide_context, use_context};

/// The nonce of one response, shared by the CSP header and the HTML.
#[derive(Clone, Debug)]
pub struct CspNonce(pub Arc<str>);

/// Makes the request's nonce the one Leptos renders (it would otherwise invent its own, which
/// the CSP header would not allow). Called from the router's per-request context.
pub fn provide_request_nonce() {
    let nonce = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CspNonce>().cloned());
    if let Some(CspNonce(value)) = nonce {
        provide_context(Nonce::from_value(value));
    }
}
