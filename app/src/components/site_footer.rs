//! The public footer.

use leptos::prelude::*;

use crate::i18n::use_i18n;

#[component]
pub fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <p>{i18n.text(|m| m.footer_cookie_note)}</p>
            <p class="site-footer__brand">{i18n.text(|m| m.footer_copyright)}</p>
        </footer>
    }
}
