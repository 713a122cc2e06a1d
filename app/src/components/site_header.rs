//! The public header: brand, main links, language, sign-in.

use leptos::prelude::*;

use crate::components::LanguageSwitch;
use crate::i18n::use_i18n;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{move || i18n.t().skip_to_content}</a>
        <header class="site-header">
            <a class="brand" href="/">
                <span class="brand__mark" aria-hidden="true">"DC"</span>
                <span class="brand__name">{move || i18n.t().brand}</span>
            </a>
            <nav class="site-nav" aria-label=move || i18n.t().main_nav_label>
                <a href="/#ablauf">{move || i18n.t().nav_features}</a>
                <a href="/#datenschutz">{move || i18n.t().nav_security}</a>
                <a href="/login" class="site-nav__sign-in">{move || i18n.t().nav_sign_in}</a>
            </nav>
            <LanguageSwitch/>
        </header>
    }
}
