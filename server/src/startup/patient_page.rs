//! The patient page `/c` is kept rendered, once per language, and served with each request's own
//! CSP nonce.
//!
//! `/c` is the same for every patient of one language: the link token is in the URL fragment,
//! which browsers never send, and the page is only a frame that the browser fills in after asking
//! for the consent (app::pages::consent). So the first plain request of a language is rendered by
//! Leptos as usual; its HTML is kept, cut at each place its nonce appears, and every later plain
//! request gets that HTML with its own fresh nonce put back in those places. The CSP header and
//! every other layer still run for each request. (Rendering it, router, meta and reactive owner
//! included, was about half of the CPU time of serving `/c`: docs/benchmarks.md.)
//!
//! Plain means: `GET /c` without a query, with at most one `Cookie` header, no session cookie
//! and at most one `Accept-Language` header — everything the page's rendering reads besides the
//! language (a signed-in staff member opening a link, say) is rendered as usual. The language is
//! negotiated with the app's own [`Locale::negotiate`] on the same headers.

use std::sync::{Arc, RwLock};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::{header, HeaderMap, Method, StatusCode};

use app::auth::SessionCookie;
use app::csp::CspNonce;
use app::i18n::Locale;

/// The path served from memory.
pub const PATH: &str = "/c";

/// The rendered page is about 2 KB; anything larger is not the page meant to be kept.
const MAX_KEPT_BYTES: usize = 256 * 1024;

/// The kept renderings, one per language; shared by every clone of one router.
#[derive(Clone)]
pub struct KeptPatientPage(Arc<Inner>);

struct Inner {
    session_cookie: SessionCookie,
    /// Indexed like [`Locale::ALL`].
    pages: RwLock<Vec<Option<Arc<Kept>>>>,
}

/// One rendering: its headers (without length or transfer coding) and its body cut at the
/// nonce it was rendered with, so that `parts.join(nonce)` is the page for `nonce`.
struct Kept {
    headers: HeaderMap,
    parts: Vec<Bytes>,
    /// The length of the body without its nonces.
    len: usize,
}

impl Kept {
    /// Keeps `body` if it carries `nonce` (the hydration scripts always do) and is not too large.
    fn cut(headers: &HeaderMap, body: &[u8], nonce: &str) -> Option<Self> {
        let nonce = nonce.as_bytes();
        if nonce.is_empty() || body.len() > MAX_KEPT_BYTES {
            return None;
        }
        let mut parts = Vec::new();
        let mut rest = body;
        while let Some(at) = find(rest, nonce) {
            parts.push(Bytes::copy_from_slice(&rest[..at]));
            rest = &rest[at + nonce.len()..];
        }
        if parts.is_empty() {
            return None;
        }
        parts.push(Bytes::copy_from_slice(rest));
        let mut headers = headers.clone();
        headers.remove(header::CONTENT_LENGTH);
        headers.remove(header::TRANSFER_ENCODING);
        Some(Self {
            headers,
            len: parts.iter().map(Bytes::len).sum(),
            parts,
        })
    }

    /// The page for this nonce.
    fn with_nonce(&self, nonce: &str) -> Response {
        let mut body = Vec::with_capacity(self.len + nonce.len() * (self.parts.len() - 1));
        for (i, part) in self.parts.iter().enumerate() {
            if i > 0 {
                body.extend_from_slice(nonce.as_bytes());
            }
            body.extend_from_slice(part);
        }
        let mut response = Response::new(Body::from(body));
        response.headers_mut().clone_from(&self.headers);
        response
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

impl KeptPatientPage {
    pub fn new(session_cookie: SessionCookie) -> Self {
        Self(Arc::new(Inner {
            session_cookie,
            pages: RwLock::new(vec![None; Locale::ALL.len()]),
        }))
    }

    /// The language of a plain request for the page, or `None` when it must be rendered.
    fn plain_request_locale(&self, request: &Request) -> Option<Locale> {
        if request.method() != Method::GET
            || request.uri().path() != PATH
            || request.uri().query().is_some()
        {
            return None;
        }
        let headers = request.headers();
        let single = |name| {
            let mut values = headers.get_all(name).iter();
            match (values.next(), values.next()) {
                (None, _) => Some(None),
                (Some(value), None) => Some(Some(value)),
                (Some(_), Some(_)) => None,
            }
        };
        let cookie = single(header::COOKIE)?;
        let accept_language = single(header::ACCEPT_LANGUAGE)?;
        // As app::i18n reads them.
        let cookie = cookie.and_then(|v| v.to_str().ok());
        if cookie.is_some_and(|c| self.0.session_cookie.find(c).is_some()) {
            return None;
        }
        Some(Locale::negotiate(
            cookie,
            accept_language.and_then(|v| v.to_str().ok()),
        ))
    }

    fn kept(&self, locale: Locale) -> Option<Arc<Kept>> {
        let index = locale_index(locale);
        self.0.pages.read().ok()?.get(index)?.clone()
    }

    fn keep(&self, locale: Locale, kept: Kept) {
        if let Ok(mut pages) = self.0.pages.write() {
            if let Some(slot) = pages.get_mut(locale_index(locale)) {
                *slot = Some(Arc::new(kept));
            }
        }
    }
}

fn locale_index(locale: Locale) -> usize {
    Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0)
}

/// Serves a plain `GET /c` from memory (rendering and keeping it the first time for its
/// language); passes every other request on. Sits inside the security headers, which make the
/// request's nonce.
pub async fn serve(State(page): State<KeptPatientPage>, request: Request, next: Next) -> Response {
    let Some(locale) = page.plain_request_locale(&request) else {
        return next.run(request).await;
    };
    let Some(nonce) = request.extensions().get::<CspNonce>().cloned() else {
        return next.run(request).await;
    };
    if let Some(kept) = page.kept(locale) {
        return kept.with_nonce(&nonce.0);
    }
    let response = next.run(request).await;
    if response.status() != StatusCode::OK || response.headers().contains_key(header::SET_COOKIE) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let body = match axum::body::to_bytes(body, MAX_KEPT_BYTES).await {
        Ok(body) => body,
        Err(error) => {
            // Too large or broken half-way: nothing to keep, and nothing whole left to send.
            tracing::error!(%error, "the patient page could not be read to keep it");
            let mut failed = Response::new(Body::empty());
            *failed.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            return failed;
        }
    };
    if let Some(kept) = Kept::cut(&parts.headers, &body, &nonce.0) {
        page.keep(locale, kept);
    }
    Response::from_parts(parts, Body::from(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_page_gets_the_new_nonce_wherever_the_old_one_was() {
        let headers = HeaderMap::new();
        let body = br#"<script nonce="OLD">a</script><style nonce="OLD"></style>end"#;
        let kept = Kept::cut(&headers, body, "OLD").expect("kept");
        assert_eq!(kept.parts.len(), 3);
        let response = kept.with_nonce("NEW22");
        let bytes = futures_bytes(response);
        assert_eq!(
            bytes,
            r#"<script nonce="NEW22">a</script><style nonce="NEW22"></style>end"#
        );
    }

    #[test]
    fn a_page_without_its_nonce_is_not_kept() {
        assert!(Kept::cut(&HeaderMap::new(), b"<p>no scripts</p>", "OLD").is_none());
        assert!(Kept::cut(&HeaderMap::new(), b"OLD", "").is_none());
    }

    fn futures_bytes(response: Response) -> String {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("runtime");
        let bytes = runtime
            .block_on(axum::body::to_bytes(response.into_body(), usize::MAX))
            .expect("body");
        String::from_utf8_lossy(&bytes).into_owned()
    }

    #[test]
    fn only_plain_requests_are_served_from_memory() {
        let page = KeptPatientPage::new(SessionCookie::for_deployment(false));
        let request = |uri: &str, headers: &[(&str, &str)]| {
            let mut builder = http::Request::get(uri);
            for (name, value) in headers {
                builder = builder.header(*name, *value);
            }
            builder.body(Body::empty()).expect("request")
        };
        let locale = |r: &Request| page.plain_request_locale(r);
        assert_eq!(locale(&request("/c", &[])), Some(Locale::De));
        assert_eq!(
            locale(&request("/c", &[("accept-language", "en-GB,en;q=0.9")])),
            Some(Locale::En)
        );
        assert_eq!(
            locale(&request(
                "/c",
                &[("accept-language", "en"), ("cookie", "lang=de")]
            )),
            Some(Locale::De)
        );
        assert_eq!(locale(&request("/c?x=1", &[])), None);
        assert_eq!(locale(&request("/c/widerruf", &[])), None);
        assert_eq!(
            locale(&request("/c", &[("cookie", "dc_session=abc")])),
            None
        );
        assert_eq!(
            locale(&request("/c", &[("cookie", "lang=en"), ("cookie", "x=1")])),
            None
        );
        let post = http::Request::post("/c")
            .body(Body::empty())
            .expect("request");
        assert_eq!(locale(&post), None);
    }
}
