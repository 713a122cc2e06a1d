//! `/login`: staff sign-in. The password is turned into keys in the browser (WASM); only the
//! login key is sent.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::auth::{explain, sign_in_with_password, SessionStage};
use crate::components::{use_hydrated, AuthCard, ProviderSignIn, TwoFactorChallenge};
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::vault::use_vault;

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let vault = use_vault();
    // A fresh sign-in drops whatever vault was open in this tab (browser only).
    Effect::new(move |_| vault.lock());
    let attempt = Action::new(move |(email, password): &(String, String)| {
        let (email, password) = (email.clone(), password.clone());
        async move {
            let (profile, keys) = sign_in_with_password(email, password).await?;
            vault.remember_keys(keys);
            Ok::<_, AppError>(profile)
        }
    });
    let navigate = use_navigate();
    // With 2FA on, the password opens only the code step (the session can do nothing else).
    let needs_code = RwSignal::new(false);
    let to_app = Callback::new(move |()| navigate("/app", NavigateOptions::default()));
    Effect::new(move |_| {
        if let Some(Ok(profile)) = attempt.value().get() {
            password.set(String::new());
            if profile.stage == SessionStage::NeedsCode {
                needs_code.set(true);
            } else {
                to_app.run(());
            }
        }
    });
    let error = move || {
        attempt
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| explain(i18n.t(), &e))
    };
    let busy = attempt.pending();
    let hydrated = use_hydrated();

    view! {
        <AuthCard title=|m| m.sign_in_title intro=|m| m.sign_in_text other_href="/register" other_label=|m| m.sign_in_no_account>
            <Show when=move || !needs_code.get() fallback=move || view! { <TwoFactorChallenge on_done=to_app/> }>
            <form class="form" method="post" action="#" on:submit=move |event| {
                event.prevent_default();
                attempt.dispatch((email.get_untracked(), password.get_untracked()));
            }>
                <label class="field">
                    <span>{i18n.text(|m| m.field_email)}</span>
                    <input type="email" autocomplete="username" required
                        bind:value=email/>
                </label>
                <label class="field">
                    <span>{i18n.text(|m| m.field_password)}</span>
                    <input type="password" autocomplete="current-password" required
                        bind:value=password/>
                </label>
                <p class="form-error" role="alert">{error}</p>
                <button class="button" type="submit" disabled=move || busy.get() || !hydrated.get()>
                    {move || if busy.get() { i18n.t().sign_in_busy } else { i18n.t().sign_in_submit }}
                </button>
                <p class="form-aside"><a href="/forgot-password">{i18n.text(|m| m.sign_in_forgot)}</a></p>
            </form>
            <ProviderSignIn/>
            </Show>
        </AuthCard>
    }
}
