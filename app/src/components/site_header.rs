//! The public header: brand, main links, language, sign-in.

use leptos::prelude::*;

use crate::components::LanguageSwitch;
use crate::i18n::use_i18n;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{i18n.text(|m| m.skip_to_content)}</a>
        <header class="site-header">
            <a class="brand" href="/">
                <span class="brand__mark" aria-hidden="true">"DC"</span>
                <span class="brand__name">{i18n.text(|m| m.brand)}</span>
            </a>
            <nav class="site-nav" aria-label=i18n.text(|m| m.main_nav_label)>
                <a href="/#ablauf">{i18n.text(|m| m.nav_features)}</a>
                <a href="/#datenschutz">{i18n.text(|m| m.nav_security)}</a>
                <a href="/login" class="site-nav__sign-in">{i18n.text(|m| m.nav_sign_in)}</a>
            </nav>
            <LanguageSwitch/>
        </header>
    }
}
