//! The public footer.

use leptos::prelude::*;

use crate::i18n::use_i18n;

#[component]
pub fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <p>{move || i18n.t().footer_cookie_note}</p>
            <p class="site-footer__brand">{move || i18n.t().footer_copyright}</p>
        </footer>
    }
}
