//! A calm single-message page: heading, explanation, one way forward.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::{SiteFooter, SiteHeader};
use crate::i18n::{head_text, use_i18n, Messages};

/// Renders a page whose texts are picked from the current language's messages.
#[component]
pub fn NoticePage(
    title: fn(&Messages) -> &'static str,
    text: fn(&Messages) -> &'static str,
    #[prop(optional)] note: Option<fn(&Messages) -> &'static str>,
    link_href: &'static str,
    link_label: fn(&Messages) -> &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=head_text(move |m| format!("{} · {}", title(m), m.brand))/>
        <SiteHeader/>
        <main id="main" class="notice">
            <div class="notice__card">
                <h1>{move || title(i18n.t())}</h1>
                <p>{move || text(i18n.t())}</p>
                {note.map(|note| view! { <p class="notice__note">{move || note(i18n.t())}</p> })}
                <a class="button button--secondary" href=link_href>{move || link_label(i18n.t())}</a>
            </div>
        </main>
        <SiteFooter/>
    }
}
