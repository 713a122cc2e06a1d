//! Refuses state-changing requests that do not come from our own pages (ASVS 3.5).
//!
//! Leptos server functions do no CSRF check of their own, and their default encoding is a
//! content type any site may post cross-origin. Session cookies are SameSite=Strict, and on top
//! of that every request other than GET/HEAD/OPTIONS must show that it comes from our origin:
//! `Sec-Fetch-Site: same-origin` (all current browsers send it), or else an `Origin` header equal
//! to the public origin. A request with neither is refused too: browsers always send one of
//! them, and the only legitimate callers without (payment webhooks) get their own exempt paths
//! with their own signature check.

use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;

/// Paths that authenticate by other means (a signed webhook), never by cookie.
const EXEMPT_PREFIXES: &[&str] = &["/webhooks/"];

pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if is_safe(request.method())
        || EXEMPT_PREFIXES
            .iter()
            .any(|p| request.uri().path().starts_with(p))
    {
        return next.run(request).await;
    }
    let headers = request.headers();
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    if comes_from_us(fetch_site, origin, &state.settings.public_origin) {
        next.run(request).await
    } else {
        tracing::warn!(
            ?fetch_site,
            origin_present = origin.is_some(),
            "refused a cross-site state-changing request"
        );
        (
            StatusCode::FORBIDDEN,
            "Diese Anfrage kam nicht von Derma Consent und wurde abgelehnt.",
        )
            .into_response()
    }
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// The decision, separate for testing.
///
/// `Origin: null` beside `Sec-Fetch-Site: same-origin` is one of our own plain HTML forms:
/// with `Referrer-Policy: no-referrer` browsers send `null` for a form's navigation. A page
/// cannot set `Sec-Fetch-Site` itself, and another site's (sandboxed) `null` comes with
/// `cross-site`; without `Sec-Fetch-Site` a `null` origin proves nothing and is refused.
fn comes_from_us(fetch_site: Option<&str>, origin: Option<&str>, public_origin: &str) -> bool {
    match fetch_site {
        Some("same-origin") => origin.is_none_or(|o| o == public_origin || o == "null"),
        Some(_) => false,
        None => origin == Some(public_origin),
    }
}

#[cfg(test)]
mod tests {
    use super::comes_from_us;

    const US: &str = "https://app.derma-consent.de";

    #[test]
    fn only_our_own_pages_may_change_state() {
        assert!(comes_from_us(Some("same-origin"), Some(US), US));
        assert!(comes_from_us(Some("same-origin"), None, US));
        assert!(
            comes_from_us(Some("same-origin"), Some("null"), US),
            "our own HTML form under Referrer-Policy: no-referrer"
        );
        assert!(!comes_from_us(Some("cross-site"), Some("null"), US));
        assert!(
            comes_from_us(None, Some(US), US),
            "older browsers: Origin alone"
        );
        assert!(!comes_from_us(
            Some("cross-site"),
            Some("https://evil.example"),
            US
        ));
        assert!(!comes_from_us(
            Some("same-site"),
            Some("https://sub.derma-consent.de"),
            US
        ));
        assert!(
            !comes_from_us(Some("none"), None, US),
            "a typed URL does not post"
        );
        assert!(!comes_from_us(None, Some("https://evil.example"), US));
        assert!(!comes_from_us(None, Some("null"), US));
        assert!(!comes_from_us(None, None, US), "neither header: refused");
        assert!(
            !comes_from_us(Some("same-origin"), Some("https://evil.example"), US),
            "headers disagree"
        );
    }
}
