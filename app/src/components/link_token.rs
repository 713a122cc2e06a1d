//! Tokens of mailed links (verification, reset, invite) travel in the URL fragment: browsers
//! never send it to a server, so it stays out of request lines, proxies and access logs.

use leptos::prelude::*;

/// What the page's link carried, once the app runs in the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkToken {
    /// Not read yet (server rendering, before hydration).
    Pending,
    /// The address had no token: the link was cut short.
    Missing,
    Present(String),
}

/// Reads the token from the fragment once, then removes it from the address bar (so it is not
/// left in the tab's history or shown to someone looking over the shoulder).
pub fn use_link_token() -> ReadSignal<LinkToken> {
    let (token, set_token) = signal(LinkToken::Pending);
    Effect::new(move |_| set_token.set(read_fragment(true)));
    token
}

/// As [`use_link_token`], but the token stays in the address bar: a patient's consent link
/// must survive a reload (a cheap phone drops background tabs) during a ten-minute form.
pub fn use_kept_link_token() -> ReadSignal<LinkToken> {
    let (token, set_token) = signal(LinkToken::Pending);
    Effect::new(move |_| set_token.set(read_fragment(false)));
    token
}

#[cfg(feature = "hydrate")]
fn read_fragment(remove: bool) -> LinkToken {
    let window = window();
    let hash = window.location().hash().unwrap_or_default();
    let value = hash.trim_start_matches('#').trim().to_owned();
    if let (true, Ok(history), Ok(path)) = (remove, window.history(), window.location().pathname())
    {
        let _ =
            history.replace_state_with_url(&leptos::wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
    if value.is_empty() {
        LinkToken::Missing
    } else {
        LinkToken::Present(value)
    }
}

#[cfg(not(feature = "hydrate"))]
fn read_fragment(_remove: bool) -> LinkToken {
    LinkToken::Pending
}
