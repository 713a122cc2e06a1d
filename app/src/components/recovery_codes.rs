//! Freshly made 2FA recovery codes, shown once, to print or copy.

use leptos::prelude::*;

use crate::i18n::use_i18n;

#[component]
pub fn RecoveryCodes(codes: Vec<String>, #[prop(into)] on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            // Printing is a convenience; copying by hand works as well.
            let _ = window.print();
        }
    };
    view! {
        <div class="recovery-sheet">
            <h3>{i18n.text(|m| m.tf_codes_title)}</h3>
            <p>{i18n.text(|m| m.tf_codes_text)}</p>
            <ol class="recovery-codes" data-testid="two-factor-recovery-codes">
                {codes.into_iter().map(|code| view! { <li><code class="recovery-code">{code}</code></li> }).collect_view()}
            </ol>
            <button class="button button--secondary" type="button" on:click=print>{i18n.text(|m| m.setup_print)}</button>
            " "
            <button class="button" type="button" on:click=move |_| on_done.run(())>{i18n.text(|m| m.tf_codes_done)}</button>
        </div>
    }
}
