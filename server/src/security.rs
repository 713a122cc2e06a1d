//! Security headers on every response (docs/security-headers.md explains each one).
//!
//! The Content-Security-Policy allows scripts only from our origin or carrying this response's
//! nonce, plus 'wasm-unsafe-eval' so the browser may compile our WebAssembly; no 'unsafe-inline'.
//! The nonce is made here per request and handed to the Leptos renderer through a request
//! extension, so the hydration script carries the same value as the header.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use rand::RngCore as _;

use app::csp::CspNonce;

use crate::AppState;

/// Adds the security headers; the CSP nonce is fresh for every request.
pub async fn headers(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let nonce = new_nonce();
    let path_is_asset = request.uri().path().starts_with("/pkg/");
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    apply(
        response.headers_mut(),
        &Policy {
            nonce: &nonce,
            https: state.settings.is_https(),
            form_targets: &state.form_targets,
        },
        path_is_asset,
    );
    response
}

fn new_nonce() -> CspNonce {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    CspNonce(Arc::from(URL_SAFE_NO_PAD.encode(bytes)))
}

/// What one response's policy depends on.
pub struct Policy<'a> {
    pub nonce: &'a CspNonce,
    pub https: bool,
    /// Origins besides our own that a form may lead to: the configured sign-in providers
    /// (the browser follows our redirect there after the "sign in with …" form, and Chromium
    /// checks `form-action` on that redirect too). Space-separated; empty for none.
    pub form_targets: &'a str,
}

/// The policy for one response.
pub fn content_security_policy(policy: &Policy<'_>) -> String {
    let n = &policy.nonce.0;
    let targets = if policy.form_targets.is_empty() {
        String::new()
    } else {
        format!(" {}", policy.form_targets)
    };
    let https = policy.https;
    let mut policy = format!(
        "default-src 'none'; script-src 'self' 'nonce-{n}' 'wasm-unsafe-eval'; \
         style-src 'self' 'nonce-{n}'; img-src 'self' data: blob:; font-src 'self'; \
         connect-src 'self'; worker-src 'self'; manifest-src 'self'; form-action 'self'{targets}; \
         frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    );
    if https {
        policy.push_str("; upgrade-insecure-requests");
    }
    policy
}

fn apply(headers: &mut HeaderMap, policy: &Policy<'_>, asset: bool) {
    let https = policy.https;
    let cacheable = headers.contains_key(header::CACHE_CONTROL);
    let mut set = |name: HeaderName, value: &str| {
        if let Ok(value) = HeaderValue::from_str(value) {
            headers.insert(name, value);
        }
    };
    set(
        header::CONTENT_SECURITY_POLICY,
        &content_security_policy(policy),
    );
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::X_FRAME_OPTIONS, "DENY");
    // Patient links must never leak through a Referer header.
    set(header::REFERRER_POLICY, "no-referrer");
    set(
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        HeaderName::from_static("cross-origin-resource-policy"),
        "same-origin",
    );
    set(
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    );
    if https {
        set(
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=63072000; includeSubDomains",
        );
    }
    // Pages and API answers may carry personal data once decrypted views exist: never cache.
    // Built assets under /pkg/ keep their names across builds, so browsers must revalidate
    // them (ETag/Last-Modified make that cheap) or an old bundle would meet new HTML.
    if asset {
        set(header::CACHE_CONTROL, "no-cache");
    } else if !cacheable {
        set(header::CACHE_CONTROL, "no-store");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_has_nonce_and_wasm_but_no_unsafe_inline() {
        let nonce = CspNonce(Arc::from("abc123"));
        let at = |https, form_targets| Policy {
            nonce: &nonce,
            https,
            form_targets,
        };
        let policy = content_security_policy(&at(false, ""));
        assert!(policy.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'"));
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(!policy.contains("'unsafe-eval'"));
        assert!(!policy.contains("upgrade-insecure-requests"));
        assert!(policy.contains("form-action 'self';"));
        assert!(content_security_policy(&at(true, "")).ends_with("upgrade-insecure-requests"));
        let with_providers = content_security_policy(&at(
            true,
            "https://accounts.google.com https://login.microsoftonline.com",
        ));
        assert!(with_providers.contains(
            "form-action 'self' https://accounts.google.com https://login.microsoftonline.com;"
        ));
    }

    #[test]
    fn pages_are_never_cached_and_assets_always_revalidated() {
        let nonce = CspNonce(Arc::from("n"));
        let at = |https| Policy {
            nonce: &nonce,
            https,
            form_targets: "",
        };
        let mut page = HeaderMap::new();
        apply(&mut page, &at(false), false);
        assert_eq!(page[header::CACHE_CONTROL], "no-store");
        let mut asset = HeaderMap::new();
        apply(&mut asset, &at(false), true);
        assert_eq!(asset[header::CACHE_CONTROL], "no-cache");
        assert!(asset.get(header::STRICT_TRANSPORT_SECURITY).is_none());
        let mut https = HeaderMap::new();
        apply(&mut https, &at(true), false);
        assert!(https[header::STRICT_TRANSPORT_SECURITY]
            .to_str()
            .is_ok_and(|v| v.starts_with("max-age=63072000")));
    }

    #[test]
    fn every_nonce_is_fresh_and_long_enough() {
        let a = new_nonce();
        let b = new_nonce();
        assert_ne!(a.0, b.0);
        assert_eq!(a.0.len(), 22, "16 random bytes in base64url");
    }
}
