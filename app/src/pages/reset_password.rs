//! `/reset-password#<token>`: sets a new password. The keys are made in the browser; the page
//! says plainly that the vault has to be shared again afterwards.

use leptos::prelude::*;

use crate::auth::{check_new_password, reset_with_password};
use crate::components::{use_hydrated, use_link_token, AuthCard, LinkToken};
use crate::error::AppError;
use crate::i18n::use_i18n;

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let token = use_link_token();
    let password = RwSignal::new(String::new());
    let repeated = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let reset = Action::new(|(token, password): &(String, String)| {
        reset_with_password(token.clone(), password.clone())
    });
    let done = move || matches!(reset.value().get(), Some(Ok(())));
    Effect::new(move |_| match reset.value().get() {
        Some(Ok(())) => {
            password.set(String::new());
            repeated.set(String::new());
        }
        Some(Err(AppError::Validation(_) | AppError::NotFound)) => {
            problem.set(Some(i18n.t().reset_invalid));
        }
        Some(Err(AppError::RateLimited { .. })) => problem.set(Some(i18n.t().sign_in_locked)),
        Some(Err(_)) => problem.set(Some(i18n.t().error_try_again)),
        None => {}
    });
    let busy = reset.pending();
    let hydrated = use_hydrated();
    let missing = move || token.get() == LinkToken::Missing;
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let LinkToken::Present(value) = token.get_untracked() else {
            return;
        };
        if let Err(message) = check_new_password(
            i18n.t(),
            &password.get_untracked(),
            &repeated.get_untracked(),
        ) {
            problem.set(Some(message));
        } else {
            problem.set(None);
            reset.dispatch((value, password.get_untracked()));
        }
    };
    view! {
        <AuthCard title=|m| m.reset_title intro=|m| m.reset_text other_href="/login" other_label=|m| m.staff_go_to_sign_in>
            <Show when=done>
                <p role="status" class="auth-card__status">{i18n.text(|m| m.reset_done)}</p>
            </Show>
            <Show when=missing>
                <p role="alert" class="form-error">{i18n.text(|m| m.link_incomplete)}</p>
            </Show>
            <form class="form" method="post" action="#" hidden=move || done() || missing() on:submit=submit>
                <div class="field">
                    <label for="reset-password">{i18n.text(|m| m.field_password)}</label>
                    <input id="reset-password" type="password" autocomplete="new-password" required
                        minlength="12" maxlength="128" aria-describedby="reset-password-hint" bind:value=password/>
                    <small id="reset-password-hint">{i18n.text(|m| m.password_hint)}</small>
                </div>
                <label class="field">
                    <span>{i18n.text(|m| m.field_password_repeat)}</span>
                    <input type="password" autocomplete="new-password" required bind:value=repeated/>
                </label>
                <p class="form-error" role="alert">{move || problem.get()}</p>
                <button class="button" type="submit" disabled=move || busy.get() || !hydrated.get()>
                    {move || if busy.get() { i18n.t().reset_busy } else { i18n.t().reset_submit }}
                </button>
            </form>
        </AuthCard>
    }
}
