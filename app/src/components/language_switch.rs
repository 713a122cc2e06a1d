//! The language menu. Without JavaScript each entry is a link to `/lang/{tag}` (the server sets
//! the cookie and comes back); once hydrated, a click switches the page in place.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::{use_i18n, Locale};

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let entries = Locale::ALL
        .iter()
        .map(|&locale| {
            let href = move || {
                format!(
                    "/lang/{}?next={}",
                    locale.tag(),
                    encode_path(&location.pathname.get())
                )
            };
            view! {
                <a
                    href=href
                    hreflang=locale.tag()
                    lang=locale.tag()
                    class="lang-switch__option"
                    aria-current=move || (i18n.locale() == locale).then_some("true")
                    on:click=move |event| {
                        event.prevent_default();
                        i18n.set(locale);
                    }
                >
                    {locale.native_name()}
                </a>
            }
        })
        .collect_view();
    view! {
        <nav class="lang-switch" aria-label=i18n.text(|m| m.language_label)>
            {entries}
        </nav>
    }
}

/// Percent-encodes a path for a query value, keeping `/` readable.
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(byte));
            }
            other => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(char::from(HEX[usize::from(other >> 4)]));
                out.push(char::from(HEX[usize::from(other & 0xF)]));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::encode_path;

    #[test]
    fn paths_are_encoded_for_a_query_value() {
        assert_eq!(encode_path("/app/patients"), "/app/patients");
        assert_eq!(encode_path("/a b?c=d&e#f"), "/a%20b%3Fc%3Dd%26e%23f");
        assert_eq!(encode_path("/ü"), "/%C3%BC");
    }
}
