//! The "Zwei-Faktor-Anmeldung" section of the profile page: set it up, or, when it is on,
//! make new recovery codes or switch it off (each with a current code).

use leptos::prelude::*;

use crate::auth::{disable_two_factor, explain_code_error, renew_recovery_codes, AccountOverview};
use crate::components::{RecoveryCodes, TwoFactorSetup};
use crate::i18n::use_i18n;

#[component]
pub fn TwoFactorSection(
    account: AccountOverview,
    #[prop(into)] on_change: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let enabled = account.enabled;
    view! {
        <section class="card profile-card" aria-labelledby="two-factor-title">
            <h2 id="two-factor-title">{i18n.text(|m| m.tf_title)}</h2>
            <p>{i18n.text(|m| m.tf_intro)}</p>
            <p class="profile-card__status">
                <strong>{move || if enabled { i18n.t().tf_status_on } else { i18n.t().tf_status_off }}</strong>
            </p>
            {if enabled {
                view! { <Manage codes_left=account.recovery_codes_left on_change/> }.into_any()
            } else {
                view! { <TwoFactorSetup on_done=on_change/> }.into_any()
            }}
        </section>
    }
}

#[component]
fn Manage(codes_left: u32, on_change: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let renew_code = RwSignal::new(String::new());
    let disable_code = RwSignal::new(String::new());
    let renew = Action::new(|code: &String| renew_recovery_codes(code.clone()));
    let disable = Action::new(|code: &String| disable_two_factor(code.clone()));
    Effect::new(move |_| {
        if let Some(Ok(())) = disable.value().get() {
            on_change.run(());
        }
    });
    let explain = move |error: Option<crate::error::AppError>| {
        error.map(|e| explain_code_error(i18n.t(), &e))
    };
    view! {
        <p>{i18n.text(|m| m.tf_codes_left)} " " <span data-testid="recovery-codes-left">{codes_left}</span></p>
        {move || match renew.value().get() {
            Some(Ok(codes)) => view! { <RecoveryCodes codes on_done=on_change/> }.into_any(),
            other => view! {
                <h3>{i18n.text(|m| m.tf_renew_title)}</h3>
                <p>{i18n.text(|m| m.tf_renew_text)}</p>
                <form class="form" on:submit=move |event| {
                    event.prevent_default();
                    renew.dispatch(renew_code.get_untracked());
                    renew_code.set(String::new());
                }>
                    <label class="field">
                        <span>{i18n.text(|m| m.tf_code_label)}</span>
                        <input type="text" inputmode="numeric" autocomplete="one-time-code" required bind:value=renew_code/>
                    </label>
                    <p class="form-error" role="alert">{explain(other.and_then(Result::err))}</p>
                    <button class="button button--secondary" type="submit" disabled=renew.pending()>{i18n.text(|m| m.tf_renew_submit)}</button>
                </form>
            }.into_any(),
        }}
        <h3>{i18n.text(|m| m.tf_disable_title)}</h3>
        <form class="form" on:submit=move |event| {
            event.prevent_default();
            disable.dispatch(disable_code.get_untracked());
            disable_code.set(String::new());
        }>
            <label class="field">
                <span>{i18n.text(|m| m.tf_code_or_recovery_label)}</span>
                <input type="text" autocomplete="one-time-code" spellcheck="false" required bind:value=disable_code/>
            </label>
            <p class="form-error" role="alert">{move || explain(disable.value().get().and_then(Result::err))}</p>
            <button class="button button--secondary" type="submit" disabled=disable.pending()>{i18n.text(|m| m.tf_disable_submit)}</button>
        </form>
    }
}
