//! The frame of the sign-in and registration pages: header, a card with title and intro, the
//! form, one link to the other page, and a note for browsers without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::{SiteFooter, SiteHeader};
use crate::i18n::{head_text, use_i18n, Messages};

#[component]
pub fn AuthCard(
    title: fn(&Messages) -> &'static str,
    intro: fn(&Messages) -> &'static str,
    other_href: &'static str,
    other_label: fn(&Messages) -> &'static str,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=head_text(move |m| format!("{} · {}", title(m), m.brand))/>
        <SiteHeader/>
        <main id="main" class="notice">
            <div class="notice__card auth-card">
                <h1>{move || title(i18n.t())}</h1>
                <p>{move || intro(i18n.t())}</p>
                <noscript>
                    <p class="form-error">{i18n.text(|m| m.needs_javascript)}</p>
                </noscript>
                {children()}
                <p class="auth-card__other">
                    <a href=other_href>{move || other_label(i18n.t())}</a>
                </p>
            </div>
        </main>
        <SiteFooter/>
    }
}

/// False in the server-rendered page, true once the app runs in the browser. Forms whose
/// secrets must be processed by the app (passwords) stay disabled until then, so nothing can
/// be submitted the plain HTML way.
pub fn use_hydrated() -> ReadSignal<bool> {
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    hydrated
}
