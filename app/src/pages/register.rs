//! `/register`: a new practice and its first ADMIN. Fresh Argon2id parameters are made in the
//! browser; the password never leaves it.

use leptos::prelude::*;

use crate::auth::{check_new_password, explain, register_with_password};
use crate::components::{use_hydrated, AuthCard};
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::vault::use_vault;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let practice = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let repeated = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let vault = use_vault();
    // A fresh sign-in drops whatever vault was open in this tab (browser only).
    Effect::new(move |_| vault.lock());
    let attempt = Action::new(
        move |(practice, email, password): &(String, String, String)| {
            let (practice, email, password) = (practice.clone(), email.clone(), password.clone());
            async move {
                register_with_password(practice, email, password).await?;
                Ok::<_, AppError>(())
            }
        },
    );
    let done = move || matches!(attempt.value().get(), Some(Ok(())));
    Effect::new(move |_| {
        if done() {
            password.set(String::new());
            repeated.set(String::new());
        }
    });
    Effect::new(move |_| {
        if let Some(Err(error)) = attempt.value().get() {
            problem.set(Some(explain(i18n.t(), &error)));
        }
    });
    let busy = attempt.pending();
    let hydrated = use_hydrated();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let checked = check_new_password(
            i18n.t(),
            &password.get_untracked(),
            &repeated.get_untracked(),
        );
        if let Err(message) = checked {
            problem.set(Some(message));
        } else {
            problem.set(None);
            attempt.dispatch((
                practice.get_untracked(),
                email.get_untracked(),
                password.get_untracked(),
            ));
        }
    };

    view! {
        <AuthCard title=|m| m.register_title intro=|m| m.register_text other_href="/login" other_label=|m| m.register_have_account>
            <Show when=done>
                <div class="notice__done" role="status">
                    <h2>{i18n.text(|m| m.register_check_mail_title)}</h2>
                    <p>{i18n.text(|m| m.register_check_mail_text)}</p>
                </div>
            </Show>
            <form class="form" method="post" action="#" on:submit=submit hidden=done>
                <label class="field">
                    <span>{i18n.text(|m| m.field_practice_name)}</span>
                    <input type="text" autocomplete="organization" required maxlength="200"
                        bind:value=practice/>
                </label>
                <label class="field">
                    <span>{i18n.text(|m| m.field_email)}</span>
                    <input type="email" autocomplete="email" required bind:value=email/>
                </label>
                <div class="field">
                    <label for="new-password">{i18n.text(|m| m.field_password)}</label>
                    <input id="new-password" type="password" autocomplete="new-password" required
                        minlength="12" maxlength="128" aria-describedby="new-password-hint" bind:value=password/>
                    <small id="new-password-hint">{i18n.text(|m| m.password_hint)}</small>
                </div>
                <label class="field">
                    <span>{i18n.text(|m| m.field_password_repeat)}</span>
                    <input type="password" autocomplete="new-password" required
                        bind:value=repeated/>
                </label>
                <p class="form-error" role="alert">{move || problem.get()}</p>
                <button class="button" type="submit" disabled=move || busy.get() || !hydrated.get()>
                    {move || if busy.get() { i18n.t().register_busy } else { i18n.t().register_submit }}
                </button>
            </form>
        </AuthCard>
    }
}
