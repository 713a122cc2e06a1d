//! "Sign out everywhere" on the profile page: ends the member's sessions on every device
//! (this one included), locks the vault here and goes to the sign-in page.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::auth::sign_out_everywhere;
use crate::i18n::use_i18n;
use crate::vault::use_vault;

#[component]
pub fn SignOutEverywhere() -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    let leave = Action::new(|(): &()| sign_out_everywhere());
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(())) = leave.value().get() {
            vault.lock();
            navigate("/login", NavigateOptions::default());
        }
    });
    let error =
        move || matches!(leave.value().get(), Some(Err(_))).then(|| i18n.t().error_try_again);
    view! {
        <section class="card profile-card" aria-labelledby="sign-out-everywhere-title">
            <h2 id="sign-out-everywhere-title">{i18n.text(|m| m.sign_out_everywhere_title)}</h2>
            <p>{i18n.text(|m| m.sign_out_everywhere_text)}</p>
            <p class="form-error" role="alert">{error}</p>
            <button class="button button--secondary" type="button" disabled=leave.pending()
                on:click=move |_| { leave.dispatch(()); }>
                {i18n.text(|m| m.sign_out_everywhere_submit)}
            </button>
        </section>
    }
}
