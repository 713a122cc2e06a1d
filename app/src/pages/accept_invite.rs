//! `/invite#<token>`: a new member accepts an invitation. Their browser makes the password keys
//! and their own key pair, and shows the fingerprint they compare with the inviting ADMIN.

use leptos::prelude::*;

use crate::auth::check_new_password;
use crate::components::{use_hydrated, use_link_token, AuthCard, LinkToken};
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::pages::staff::role_label;
use crate::team::{accept_invite, invite_details, InvitationView};

#[component]
pub fn AcceptInvitePage() -> impl IntoView {
    let i18n = use_i18n();
    let token = use_link_token();
    let details = Action::new(|token: &String| invite_details(token.clone()));
    Effect::new(move |_| {
        if let LinkToken::Present(value) = token.get() {
            details.dispatch(value);
        }
    });
    let password = RwSignal::new(String::new());
    let repeated = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let accept = Action::new(move |(invitation, password): &(InvitationView, String)| {
        let (invitation, password) = (invitation.clone(), password.clone());
        let token = match token.get_untracked() {
            LinkToken::Present(value) => value,
            _ => String::new(),
        };
        async move { accept_with_password(token, invitation, password).await }
    });
    Effect::new(move |_| match accept.value().get() {
        Some(Ok(_)) => {
            password.set(String::new());
            repeated.set(String::new());
        }
        Some(Err(AppError::Conflict(_))) => problem.set(Some(i18n.t().invite_email_taken)),
        Some(Err(AppError::Validation(_))) => problem.set(Some(i18n.t().invite_invalid)),
        Some(Err(_)) => problem.set(Some(i18n.t().error_try_again)),
        None => {}
    });
    let hydrated = use_hydrated();
    let busy = accept.pending();
    view! {
        <AuthCard title=|m| m.invite_title intro=|m| m.invite_text other_href="/login" other_label=|m| m.staff_go_to_sign_in>
            {move || match (token.get(), details.value().get(), accept.value().get()) {
                (LinkToken::Missing, _, _) => view! { <p role="alert" class="form-error">{i18n.text(|m| m.link_incomplete)}</p> }.into_any(),
                (_, Some(Err(_)), _) => view! { <p role="alert" class="form-error">{i18n.text(|m| m.invite_invalid)}</p> }.into_any(),
                (_, _, Some(Ok(fingerprint))) => view! {
                    <div role="status" class="auth-card__status">
                        <p>{i18n.text(|m| m.invite_done)}</p>
                        <p class="fingerprint" data-testid="own-fingerprint">{fingerprint}</p>
                    </div>
                }.into_any(),
                (_, Some(Ok(invitation)), _) => {
                    let shown = invitation.clone();
                    view! {
                        <dl class="facts">
                            <dt>{i18n.text(|m| m.invite_practice)}</dt><dd>{shown.practice_name.clone()}</dd>
                            <dt>{i18n.text(|m| m.field_email)}</dt><dd>{shown.email.clone()}</dd>
                            <dt>{i18n.text(|m| m.team_role)}</dt><dd>{move || role_label(i18n.t(), shown.role)}</dd>
                        </dl>
                        <form class="form" on:submit=move |event| {
                            event.prevent_default();
                            if let Err(message) = check_new_password(i18n.t(), &password.get_untracked(), &repeated.get_untracked()) {
                                problem.set(Some(message));
                            } else {
                                problem.set(None);
                                accept.dispatch((invitation.clone(), password.get_untracked()));
                            }
                        }>
                            <div class="field">
                                <label for="invite-password">{i18n.text(|m| m.field_password)}</label>
                                <input id="invite-password" type="password" autocomplete="new-password" required
                                    minlength="12" maxlength="128" bind:value=password/>
                                <small>{i18n.text(|m| m.password_hint)}</small>
                            </div>
                            <label class="field">
                                <span>{i18n.text(|m| m.field_password_repeat)}</span>
                                <input type="password" autocomplete="new-password" required bind:value=repeated/>
                            </label>
                            <p class="form-error" role="alert">{move || problem.get()}</p>
                            <button class="button" type="submit" disabled=move || busy.get() || !hydrated.get()>
                                {move || if busy.get() { i18n.t().reset_busy } else { i18n.t().invite_submit }}
                            </button>
                        </form>
                    }.into_any()
                }
                _ => view! { <p role="status">{i18n.text(|m| m.verify_busy)}</p> }.into_any(),
            }}
        </AuthCard>
    }
}

/// Makes the member's keys in the browser and accepts; returns the fingerprint to compare.
async fn accept_with_password(
    token: String,
    invitation: InvitationView,
    password: String,
) -> Result<String, AppError> {
    use crate::vault::uuid_bytes;
    let (Some(practice), Some(user)) = (
        uuid_bytes(&invitation.practice_id),
        uuid_bytes(&invitation.user_id),
    ) else {
        return Err(AppError::Internal);
    };
    let params = crypto::KdfParams::generate();
    let keys = crate::auth::derive_password_keys(&password, &params).await?;
    let member = crypto::MemberKeyPair::generate(1);
    let wrapped = member.wrap_with_password(
        keys.wrap_key(),
        crypto::PracticeId::from_bytes(practice),
        crypto::UserId::from_bytes(user),
    );
    accept_invite(
        token,
        params.to_text(),
        keys.login_key().to_text().to_string(),
        member.public_key().to_text(),
        wrapped.to_text(),
    )
    .await?;
    Ok(member.public_key().fingerprint().to_string())
}
