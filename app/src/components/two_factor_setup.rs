//! Enrolment: start (the server makes and seals a secret) → scan the QR code or type the key →
//! confirm with the first code → the recovery codes, shown once.

use leptos::prelude::*;

use crate::auth::{confirm_two_factor, explain_code_error, start_two_factor, TwoFactorEnrolment};
use crate::components::{QrCode, RecoveryCodes};
use crate::i18n::use_i18n;

#[component]
pub fn TwoFactorSetup(#[prop(into)] on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let start = Action::new(|(): &()| start_two_factor());
    let confirm = Action::new(|code: &String| confirm_two_factor(code.clone()));
    let started = move || start.value().get().and_then(Result::ok);
    let codes = move || confirm.value().get().and_then(Result::ok);
    let start_error = move || {
        start
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| explain_code_error(i18n.t(), &e))
    };
    view! {
        {move || match (codes(), started()) {
            (Some(codes), _) => view! { <RecoveryCodes codes on_done/> }.into_any(),
            (None, Some(enrolment)) => view! { <ScanAndConfirm enrolment confirm/> }.into_any(),
            (None, None) => view! {
                <p class="form-error" role="alert">{start_error}</p>
                <button class="button" type="button" disabled=start.pending()
                    on:click=move |_| { start.dispatch(()); }>
                    {i18n.text(|m| m.tf_start)}
                </button>
            }.into_any(),
        }}
    }
}

#[component]
fn ScanAndConfirm(
    enrolment: TwoFactorEnrolment,
    confirm: Action<String, Result<Vec<String>, crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let code = RwSignal::new(String::new());
    let error = move || {
        confirm
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| explain_code_error(i18n.t(), &e))
    };
    let busy = confirm.pending();
    view! {
        <p>{i18n.text(|m| m.tf_scan)}</p>
        <div class="two-factor-key">
            <QrCode qr=enrolment.qr label=i18n.t().tf_qr_label/>
            <div>
                <p>{i18n.text(|m| m.tf_key_label)}</p>
                <p class="recovery-code" data-testid="two-factor-key">{enrolment.key}</p>
                <p><a href=enrolment.uri>{i18n.text(|m| m.tf_open_app)}</a></p>
            </div>
        </div>
        <form class="form" on:submit=move |event| {
            event.prevent_default();
            confirm.dispatch(code.get_untracked());
            code.set(String::new());
        }>
            <label class="field">
                <span>{i18n.text(|m| m.tf_code_label)}</span>
                <input type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]*"
                    maxlength="8" required bind:value=code/>
            </label>
            <p class="form-error" role="alert">{error}</p>
            <button class="button" type="submit" disabled=busy>
                {move || if busy.get() { i18n.t().tf_busy } else { i18n.t().tf_confirm }}
            </button>
        </form>
    }
}
