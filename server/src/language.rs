//! The language switch without JavaScript: `GET /lang/{de|en}?next=/path` stores the choice in a
//! cookie and returns to the page. The hydrated app switches in place instead (app::i18n).

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use app::i18n::Locale;

use crate::AppState;

#[derive(Debug, Deserialize)]
pub struct Next {
    next: Option<String>,
}

/// Stores the language and goes back; an unknown language changes nothing and just goes back.
pub async fn switch(
    State(state): State<AppState>,
    Path(tag): Path<String>,
    Query(query): Query<Next>,
) -> Response {
    let target = query
        .next
        .as_deref()
        .filter(|p| is_local_path(p))
        .unwrap_or("/");
    let mut response = (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, target.to_owned())],
    )
        .into_response();
    if let Some(locale) = Locale::from_tag(&tag) {
        let mut cookie = locale.cookie();
        if state.settings.is_https() {
            cookie.push_str("; Secure");
        }
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().insert(header::SET_COOKIE, value);
        }
    }
    response
}

/// Only paths on this site: no scheme, no `//host`, no backslash tricks, no control characters.
fn is_local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path.chars().any(char::is_control)
        && path.len() <= 512
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_local_paths_are_followed() {
        for ok in ["/", "/app/patients", "/c?x=1"] {
            assert!(is_local_path(ok), "{ok}");
        }
        for bad in [
            "",
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "evil",
            "/a\nSet-Cookie: x",
        ] {
            assert!(!is_local_path(bad), "{bad:?}");
        }
    }
}
