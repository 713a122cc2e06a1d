//! Security headers on every response (docs/security-headers.md explains each one).
//!
//! The Content-Security-Policy allows scripts only from our origin or carrying this response's
//! nonce, plus 'wasm-unsafe-eval' so the browser may compile our WebAssembly; no 'unsafe-inline'.
//! The nonce is made here per request and handed to the Leptos renderer through a request
//! extension, so the hydration script carries the same value as the header.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use rand::RngCore as _;

use app::csp::CspNonce;

/// Adds the security headers; the CSP nonce is fresh for every request.
pub async fn headers(
    State(headers): State<Arc<SecurityHeaders>>,
    mut request: Request,
    next: Next,
) -> Response {
    let nonce = new_nonce();
    let path_is_asset = request.uri().path().starts_with("/pkg/");
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    headers.apply(response.headers_mut(), &nonce, path_is_asset);
    response
}

fn new_nonce() -> CspNonce {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    CspNonce(Arc::from(URL_SAFE_NO_PAD.encode(bytes)))
}

/// The headers of one deployment, made once: per response only the nonce goes in.
pub struct SecurityHeaders {
    /// [`content_security_policy`] cut where the nonce goes.
    csp_parts: Vec<String>,
    https: bool,
}

/// Stands for the nonce while the policy is cut; base64url never contains `*`.
const NONCE_MARK: &str = "*nonce*";

/// The policy when ours cannot be sent: nothing runs, nothing loads, nothing frames us.
const LOCKED_DOWN: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

impl SecurityHeaders {
    /// `form_targets` as in [`Policy::form_targets`].
    pub fn new(https: bool, form_targets: &str) -> Self {
        let mark = CspNonce(Arc::from(NONCE_MARK));
        let policy = content_security_policy(&Policy {
            nonce: &mark,
            https,
            form_targets,
        });
        if HeaderValue::from_str(&policy).is_err() {
            tracing::error!(
                "the Content-Security-Policy is no valid header (check the sign-in provider settings): every page is sent locked down"
            );
        }
        Self {
            csp_parts: policy.split(NONCE_MARK).map(str::to_owned).collect(),
            https,
        }
    }

    /// The policy for one response, as [`content_security_policy`] writes it. A policy that is
    /// no valid header value (a control character in the configured provider origins) fails
    /// closed: the response is sent under [`LOCKED_DOWN`] rather than without a policy.
    fn csp(&self, nonce: &CspNonce) -> HeaderValue {
        let len = self.csp_parts.iter().map(String::len).sum::<usize>()
            + nonce.0.len() * self.csp_parts.len().saturating_sub(1);
        let mut text = String::with_capacity(len);
        for (i, part) in self.csp_parts.iter().enumerate() {
            if i > 0 {
                text.push_str(&nonce.0);
            }
            text.push_str(part);
        }
        HeaderValue::from_maybe_shared(Bytes::from(text))
            .unwrap_or_else(|_| HeaderValue::from_static(LOCKED_DOWN))
    }

    fn apply(&self, headers: &mut HeaderMap, nonce: &CspNonce, asset: bool) {
        headers.insert(header::CONTENT_SECURITY_POLICY, self.csp(nonce));
        apply_fixed(headers, self.https, asset);
    }
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

/// Every header but the CSP: the same for every response of a deployment.
fn apply_fixed(headers: &mut HeaderMap, https: bool, asset: bool) {
    let cacheable = headers.contains_key(header::CACHE_CONTROL);
    let mut set = |name: HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
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
    // Assets are also sent brotli- or gzip-compressed (precompressed copies) to browsers that
    // ask for it: a shared cache must not hand those bytes to one that did not.
    if asset {
        set(header::CACHE_CONTROL, "no-cache");
        set(header::VARY, "accept-encoding");
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
        let (http, https) = (
            SecurityHeaders::new(false, ""),
            SecurityHeaders::new(true, ""),
        );
        let mut page = HeaderMap::new();
        http.apply(&mut page, &nonce, false);
        assert_eq!(page[header::CACHE_CONTROL], "no-store");
        let mut asset = HeaderMap::new();
        http.apply(&mut asset, &nonce, true);
        assert_eq!(asset[header::CACHE_CONTROL], "no-cache");
        assert_eq!(asset[header::VARY], "accept-encoding");
        assert!(asset.get(header::STRICT_TRANSPORT_SECURITY).is_none());
        let mut secure = HeaderMap::new();
        https.apply(&mut secure, &nonce, false);
        assert!(secure[header::STRICT_TRANSPORT_SECURITY]
            .to_str()
            .is_ok_and(|v| v.starts_with("max-age=63072000")));
    }

    #[test]
    fn each_response_gets_the_policy_with_its_own_nonce() {
        for (https, targets) in [
            (false, ""),
            (
                true,
                "https://accounts.google.com https://login.microsoftonline.com",
            ),
        ] {
            let headers = SecurityHeaders::new(https, targets);
            for _ in 0..3 {
                let nonce = new_nonce();
                let mut map = HeaderMap::new();
                headers.apply(&mut map, &nonce, false);
                let expected = content_security_policy(&Policy {
                    nonce: &nonce,
                    https,
                    form_targets: targets,
                });
                assert_eq!(map[header::CONTENT_SECURITY_POLICY], expected.as_str());
                assert_eq!(expected.matches(&*nonce.0).count(), 2, "scripts and styles");
            }
        }
    }

    #[test]
    fn a_policy_that_is_no_valid_header_fails_closed() {
        let headers = SecurityHeaders::new(true, "https://idp.example\nX-Injected: 1");
        let mut map = HeaderMap::new();
        headers.apply(&mut map, &new_nonce(), false);
        assert_eq!(map[header::CONTENT_SECURITY_POLICY], LOCKED_DOWN);
    }

    #[test]
    fn every_nonce_is_fresh_and_long_enough() {
        let a = new_nonce();
        let b = new_nonce();
        assert_ne!(a.0, b.0);
        assert_eq!(a.0.len(), 22, "16 random bytes in base64url");
    }
}
