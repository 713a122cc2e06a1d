//! `/verify-email#<token>`: confirms the address from the registration mail.

use leptos::prelude::*;

use crate::auth::verify_email;
use crate::components::{use_link_token, AuthCard, LinkToken};
use crate::i18n::use_i18n;

#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let i18n = use_i18n();
    let token = use_link_token();
    let verify = Action::new(|token: &String| verify_email(token.clone()));
    Effect::new(move |_| {
        if let LinkToken::Present(value) = token.get() {
            verify.dispatch(value);
        }
    });
    let text = move || {
        let m = i18n.t();
        match (token.get(), verify.value().get()) {
            (LinkToken::Missing, _) => m.link_incomplete,
            (_, Some(Ok(()))) => m.verify_done,
            (_, Some(Err(_))) => m.verify_failed,
            _ => m.verify_busy,
        }
    };
    view! {
        <AuthCard title=|m| m.verify_title intro=|_| "" other_href="/login" other_label=|m| m.staff_go_to_sign_in>
            <p role="status" class="auth-card__status">{text}</p>
        </AuthCard>
    }
}
