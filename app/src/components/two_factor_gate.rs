//! What a session that is not complete sees in the staff area: the code step (2FA on, code not
//! given yet) or enrolment (the practice requires 2FA). The server refuses everything else to
//! such a session anyway; this is only the way forward, plus signing out.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::auth::{sign_out, SessionStage};
use crate::components::{TwoFactorChallenge, TwoFactorSetup};
use crate::i18n::use_i18n;
use crate::vault::use_vault;

#[component]
pub fn TwoFactorGate(stage: SessionStage, #[prop(into)] on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    let leave = Action::new(move |(): &()| {
        vault.lock();
        sign_out()
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if leave.value().get().is_some() {
            navigate("/login", NavigateOptions::default());
        }
    });
    view! {
        <header class="staff-header">
            <a class="brand" href="/app">
                <span class="brand__mark" aria-hidden="true">"DC"</span>
                <span class="brand__name">{i18n.text(|m| m.brand)}</span>
            </a>
            <button class="button button--secondary staff-header__end" type="button" on:click=move |_| { leave.dispatch(()); }>
                {i18n.text(|m| m.nav_sign_out)}
            </button>
        </header>
        <main id="main" class="staff-main">
            <section class="card profile-card">
                {if stage == SessionStage::NeedsCode {
                    view! { <TwoFactorChallenge on_done/> }.into_any()
                } else {
                    view! {
                        <h1>{i18n.text(|m| m.tf_required_title)}</h1>
                        <p>{i18n.text(|m| m.tf_required_text)}</p>
                        <p>{i18n.text(|m| m.tf_intro)}</p>
                        <TwoFactorSetup on_done/>
                    }.into_any()
                }}
            </section>
        </main>
    }
}
