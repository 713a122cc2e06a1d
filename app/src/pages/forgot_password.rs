//! `/forgot-password`: asks for a reset link. The answer is the same for every address.

use leptos::prelude::*;

use crate::auth::request_password_reset;
use crate::components::{use_hydrated, AuthCard};
use crate::error::AppError;
use crate::i18n::use_i18n;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let request = Action::new(|email: &String| request_password_reset(email.clone()));
    let busy = request.pending();
    let hydrated = use_hydrated();
    let sent = move || matches!(request.value().get(), Some(Ok(())));
    let problem = move || match request.value().get() {
        Some(Err(AppError::Validation(_))) => Some(i18n.t().field_email_invalid),
        Some(Err(AppError::RateLimited { .. })) => Some(i18n.t().sign_in_locked),
        Some(Err(_)) => Some(i18n.t().error_try_again),
        _ => None,
    };
    view! {
        <AuthCard title=|m| m.forgot_title intro=|m| m.forgot_text other_href="/login" other_label=|m| m.staff_go_to_sign_in>
            <Show when=sent>
                <p role="status" class="auth-card__status">{i18n.text(|m| m.forgot_sent)}</p>
            </Show>
            <form class="form" method="post" action="#" hidden=sent on:submit=move |event| {
                event.prevent_default();
                request.dispatch(email.get_untracked());
            }>
                <label class="field">
                    <span>{i18n.text(|m| m.field_email)}</span>
                    <input type="email" autocomplete="email" required bind:value=email/>
                </label>
                <p class="form-error" role="alert">{problem}</p>
                <button class="button" type="submit" disabled=move || busy.get() || !hydrated.get()>
                    {i18n.text(|m| m.forgot_submit)}
                </button>
            </form>
        </AuthCard>
    }
}
