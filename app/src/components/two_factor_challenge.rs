//! The second sign-in step: the code from the authenticator app, or a recovery code.

use leptos::prelude::*;

use crate::auth::{explain_code_error, verify_two_factor};
use crate::components::use_hydrated;
use crate::i18n::use_i18n;

#[component]
pub fn TwoFactorChallenge(#[prop(into)] on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let code = RwSignal::new(String::new());
    let verify = Action::new(move |code: &String| verify_two_factor(code.clone()));
    Effect::new(move |_| {
        if let Some(Ok(())) = verify.value().get() {
            on_done.run(());
        }
    });
    let error = move || {
        verify
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| explain_code_error(i18n.t(), &e))
    };
    let busy = verify.pending();
    let hydrated = use_hydrated();
    view! {
        <h2>{i18n.text(|m| m.tf_challenge_title)}</h2>
        <p>{i18n.text(|m| m.tf_challenge_text)}</p>
        <form class="form" on:submit=move |event| {
            event.prevent_default();
            verify.dispatch(code.get_untracked());
            code.set(String::new());
        }>
            <label class="field">
                <span>{i18n.text(|m| m.tf_code_or_recovery_label)}</span>
                <input type="text" inputmode="text" autocomplete="one-time-code" spellcheck="false"
                    required bind:value=code/>
            </label>
            <p class="form-error" role="alert">{error}</p>
            <button class="button" type="submit" disabled=move || busy.get() || !hydrated.get()>
                {move || if busy.get() { i18n.t().tf_busy } else { i18n.t().tf_challenge_submit }}
            </button>
        </form>
    }
}
