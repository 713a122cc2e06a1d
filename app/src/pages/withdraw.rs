//! `/c/widerruf#<token>`: the patient withdraws a consent they gave, without any login. The
//! token was made in their browser when they sent the consent; the server keeps its hash.

use leptos::prelude::*;

use crate::components::{use_kept_link_token, LinkToken};
use crate::consents::{withdraw_consent, withdrawal_details, WithdrawalState};
use crate::i18n::{consent_type_label, display_date, use_i18n, Locale};

#[component]
pub fn WithdrawPage() -> impl IntoView {
    let i18n = use_i18n();
    let token = use_kept_link_token();
    let state = LocalResource::new(move || {
        let token = token.get();
        async move {
            match token {
                LinkToken::Pending => None,
                LinkToken::Missing => Some(Ok(WithdrawalState::Unknown)),
                LinkToken::Present(token) => Some(withdrawal_details(token).await),
            }
        }
    });
    let withdraw = Action::new(move |(): &()| {
        let token = match token.get_untracked() {
            LinkToken::Present(t) => t,
            _ => String::new(),
        };
        withdraw_consent(token)
    });
    view! {
        <main id="main" class="consent-page">
            <section class="card consent-step">
                <h1>{i18n.text(|m| m.withdraw_title)}</h1>
                {move || match (withdraw.value().get(), state.get().flatten()) {
                    (Some(Ok(())), _) => view! { <p role="status" class="form-notice">{i18n.text(|m| m.withdraw_done)}</p> }.into_any(),
                    (Some(Err(_)), _) => view! { <p role="alert" class="form-error">{i18n.text(|m| m.withdraw_failed)}</p> }.into_any(),
                    (None, None) => view! { <p>{i18n.text(|m| m.link_loading)}</p> }.into_any(),
                    (None, Some(Ok(WithdrawalState::Possible { practice_name, kind, locale, signed_on }))) => {
                        if let Some(l) = Locale::from_tag(&locale) {
                            if l != i18n.locale() {
                                i18n.set(l);
                            }
                        }
                        view! {
                            <p class="consent-flow__practice">{practice_name}</p>
                            <p>{move || consent_type_label(i18n.t(), kind)}
                                {signed_on.clone().map(|d| view! { " · " {i18n.text(|m| m.withdraw_signed_on)} " " {move || display_date(i18n.locale(), &d)} })}</p>
                            <p>{i18n.text(|m| m.withdraw_text)}</p>
                            <button class="button" type="button" disabled=withdraw.pending() on:click=move |_| { withdraw.dispatch(()); }>
                                {i18n.text(|m| m.withdraw_confirm)}
                            </button>
                        }.into_any()
                    }
                    (None, Some(Ok(WithdrawalState::AlreadyWithdrawn { .. }))) => view! { <p role="status">{i18n.text(|m| m.withdraw_already)}</p> }.into_any(),
                    (None, Some(Ok(WithdrawalState::AskThePractice { practice_name }))) => view! {
                        <p class="consent-flow__practice">{practice_name}</p>
                        <p>{i18n.text(|m| m.withdraw_ask_practice)}</p>
                    }.into_any(),
                    (None, Some(Ok(WithdrawalState::Unknown))) => view! { <p role="alert">{i18n.text(|m| m.withdraw_unknown)}</p> }.into_any(),
                    (None, Some(Err(_))) => view! { <p role="alert">{i18n.text(|m| m.withdraw_failed)}</p> }.into_any(),
                }}
            </section>
        </main>
    }
}
