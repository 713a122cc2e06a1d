//! `/app/team` (ADMIN): invite by mail, see who is in the team, and share the vault with a new
//! member after comparing the fingerprint their screen shows with the one shown here.

use domain::UserRole;
use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::pages::staff::role_label;
use crate::team::{
    change_role, invite_member, remove_member, share_vault, team_overview, MemberView,
};
use crate::vault::{use_vault, VaultStatus};

#[component]
pub fn TeamPage() -> impl IntoView {
    let i18n = use_i18n();
    let team = Resource::new(|| (), |()| team_overview());
    // Kept here, not in the form: the form is drawn again whenever the team is reloaded.
    let email = RwSignal::new(String::new());
    let role = RwSignal::new(UserRole::Arzt);
    let invite =
        Action::new(|(email, role): &(String, UserRole)| invite_member(email.clone(), *role));
    Effect::new(move |_| {
        if let Some(Ok(())) = invite.value().get() {
            email.set(String::new());
            team.refetch();
        }
    });
    view! {
        <section class="card">
            <h1>{i18n.text(|m| m.team_title)}</h1>
            <p>{i18n.text(|m| m.team_text)}</p>
        </section>
        <Suspense fallback=|| ()>
            {move || team.get().map(|answer| match answer {
                Ok(view) => view! {
                    <InviteForm email role invite/>
                    <Show when={let due = view.rotation_due; move || due}>
                        <RotationNotice on_done=move || team.refetch()/>
                    </Show>
                    <section class="card">
                        <h2>{i18n.text(|m| m.team_members_title)}</h2>
                        <ul class="team-list">
                            {let me = view.me.clone(); view.members.into_iter().map(|member| {
                                let is_me = member.user_id == me;
                                view! { <MemberRow member is_me on_changed=move || team.refetch()/> }
                            }).collect_view()}
                        </ul>
                        <Show when={let open = !view.invites.is_empty(); move || open}>
                            <h3>{i18n.text(|m| m.team_invites_title)}</h3>
                        </Show>
                        <ul class="team-list">
                            {view.invites.into_iter().map(|invite| view! {
                                <li class="team-list__row">
                                    <span>{invite.email}</span>
                                    <span class="team-list__role">{move || role_label(i18n.t(), invite.role)}</span>
                                    <span class="team-list__state">{i18n.text(|m| m.team_invite_open)}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                }.into_any(),
                // The server's answer decides, not the hidden menu entry: a typed-in URL too.
                Err(error) => {
                    let refused = error == AppError::Forbidden;
                    view! {
                        <section class="card"><p role="alert">{move || {
                            if refused { i18n.t().team_admin_only } else { i18n.t().error_try_again }
                        }}</p></section>
                    }.into_any()
                }
            })}
        </Suspense>
    }
}

/// Inviting by mail; shown only once the server answered that this member manages the team.
#[component]
fn InviteForm(
    email: RwSignal<String>,
    role: RwSignal<UserRole>,
    invite: Action<(String, UserRole), Result<(), AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let invite_note = move || match invite.value().get() {
        Some(Ok(())) => Some(i18n.t().team_invite_sent),
        Some(Err(AppError::Validation(_))) => Some(i18n.t().field_email_invalid),
        Some(Err(_)) => Some(i18n.t().error_try_again),
        None => None,
    };
    view! {
        <section class="card">
            <h2>{i18n.text(|m| m.team_invite_title)}</h2>
            <form class="form" on:submit=move |event| {
                event.prevent_default();
                invite.dispatch((email.get_untracked(), role.get_untracked()));
            }>
                <label class="field">
                    <span>{i18n.text(|m| m.field_email)}</span>
                    <input type="email" autocomplete="off" required bind:value=email/>
                </label>
                <label class="field">
                    <span>{i18n.text(|m| m.team_role)}</span>
                    <select on:change=move |event| {
                        let picked = event_target_value(&event);
                        if let Ok(parsed) = picked.parse::<UserRole>() {
                            role.set(parsed);
                        }
                    }>
                        {[UserRole::Arzt, UserRole::Empfang, UserRole::Admin].map(|r| view! {
                            <option value=r.as_str() selected=move || role.get() == r>{move || role_label(i18n.t(), r)}</option>
                        })}
                    </select>
                </label>
                <p class="form-note" role="status">{invite_note}</p>
                <button class="button" type="submit" disabled=invite.pending()>{i18n.text(|m| m.team_invite_submit)}</button>
            </form>
        </section>
    }
}

#[component]
fn MemberRow(
    member: MemberView,
    is_me: bool,
    on_changed: impl Fn() + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    let fingerprint = member.public_key.as_deref().and_then(|key| {
        crypto::MemberPublicKey::from_text(key)
            .ok()
            .map(|key| key.fingerprint().to_string())
    });
    let waiting = !member.has_vault && !member.share_pending && member.public_key.is_some();
    let (key, user) = (
        member.public_key.clone().unwrap_or_default(),
        member.user_id.clone(),
    );
    let share = Action::new(move |(): &()| {
        let (key, user) = (key.clone(), user.clone());
        async move {
            let envelope = vault.share_with(&key, &user).ok_or(())?.map_err(|_| ())?;
            share_vault(user, envelope).await.map_err(|_| ())
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = share.value().get() {
            on_changed();
        }
    });
    let member_id = member.user_id.clone();
    let set_role = Action::new(move |role: &UserRole| change_role(member_id.clone(), *role));
    let member_id = member.user_id.clone();
    let remove = Action::new(move |(): &()| remove_member(member_id.clone()));
    let confirming = RwSignal::new(false);
    Effect::new(move |_| {
        if matches!(set_role.value().get(), Some(Ok(())))
            || matches!(remove.value().get(), Some(Ok(())))
        {
            on_changed();
        }
    });
    let change_problem = move || {
        let refused = |r: Option<Result<(), crate::error::AppError>>| match r {
            Some(Err(crate::error::AppError::Conflict(_))) => Some(i18n.t().team_last_admin),
            Some(Err(_)) => Some(i18n.t().error_try_again),
            _ => None,
        };
        refused(set_role.value().get()).or_else(|| refused(remove.value().get()))
    };
    let current_role = member.role;
    let state = move || {
        let m = i18n.t();
        if member.has_vault {
            m.team_vault_yes
        } else if member.share_pending {
            m.team_vault_shared
        } else {
            m.team_vault_waiting
        }
    };
    view! {
        <li class="team-list__row">
            <span>{member.email.clone()}</span>
            <span class="team-list__role">{move || role_label(i18n.t(), member.role)}</span>
            <span class="team-list__state">{state}</span>
            <Show when=move || !is_me>
                <div class="team-list__actions">
                    <label class="field field--inline">
                        <span>{i18n.text(|m| m.team_role)}</span>
                        <select on:change=move |event| {
                            if let Ok(role) = event_target_value(&event).parse::<UserRole>() {
                                set_role.dispatch(role);
                            }
                        }>
                            {[UserRole::Arzt, UserRole::Empfang, UserRole::Admin].map(|r| view! {
                                <option value=r.as_str() selected=current_role == r>{move || role_label(i18n.t(), r)}</option>
                            })}
                        </select>
                    </label>
                    <Show when=move || confirming.get()
                        fallback=move || view! {
                            <button class="button button--secondary" type="button" on:click=move |_| confirming.set(true)>
                                {i18n.text(|m| m.team_remove)}
                            </button>
                        }>
                        <button class="button button--danger" type="button" disabled=remove.pending()
                            on:click=move |_| { remove.dispatch(()); }>
                            {i18n.text(|m| m.team_remove_confirm)}
                        </button>
                    </Show>
                    <p class="form-error" role="alert">{change_problem}</p>
                </div>
            </Show>
            <Show when=move || waiting>
                <div class="team-list__share">
                    <p>{i18n.text(|m| m.team_compare_fingerprint)}</p>
                    <p class="fingerprint" data-testid="member-fingerprint">{fingerprint.clone()}</p>
                    <Show when=move || vault.status() == VaultStatus::Unlocked
                        fallback=move || view! { <p class="form-note">{i18n.text(|m| m.team_unlock_to_share)}</p> }>
                        <button class="button" type="button" disabled=share.pending()
                            on:click=move |_| { share.dispatch(()); }>
                            {i18n.text(|m| m.team_share_submit)}
                        </button>
                    </Show>
                    <p class="form-error" role="alert">
                        {move || matches!(share.value().get(), Some(Err(()))).then(|| i18n.t().error_try_again)}
                    </p>
                </div>
            </Show>
        </li>
    }
}

/// Shown while the practice's keys are due for rotation: an unlocked ADMIN types their
/// password and the recovery code, and this browser makes and uploads the new key set.
#[component]
fn RotationNotice(on_done: impl Fn() + Send + Sync + Copy + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    let profile = use_context::<crate::auth::StaffProfile>();
    let (email, user_id) = profile.map(|p| (p.email, p.user_id)).unwrap_or_default();
    let code = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let rotate = Action::new(move |(code, password): &(String, String)| {
        let (email, user_id) = (email.clone(), user_id.clone());
        let (code, password) = (code.clone(), password.clone());
        async move { crate::vault::rotate_in_browser(vault, email, user_id, &code, password).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = rotate.value().get() {
            on_done();
        }
    });
    let problem = move || {
        rotate
            .value()
            .get()
            .and_then(Result::err)
            .map(|failure| match failure {
                crate::vault::RotationFailure::Locked => i18n.t().team_unlock_to_share,
                crate::vault::RotationFailure::WrongCode => i18n.t().vault_recover_wrong_code,
                crate::vault::RotationFailure::WrongPassword => i18n.t().vault_unlock_wrong,
                crate::vault::RotationFailure::Other => i18n.t().error_try_again,
            })
    };
    view! {
        <section class="card card--attention">
            <h2>{i18n.text(|m| m.rotation_title)}</h2>
            <p>{i18n.text(|m| m.rotation_text)}</p>
            <form class="form" on:submit=move |event| {
                event.prevent_default();
                rotate.dispatch((code.get_untracked(), password.get_untracked()));
            }>
                <label class="field">
                    <span>{i18n.text(|m| m.field_recovery_code)}</span>
                    <input type="text" autocomplete="off" spellcheck="false" required bind:value=code/>
                </label>
                <label class="field">
                    <span>{i18n.text(|m| m.rotation_password)}</span>
                    <input type="password" autocomplete="current-password" required bind:value=password/>
                </label>
                <p class="form-error" role="alert">{problem}</p>
                <button class="button" type="submit" disabled=move || rotate.pending().get() || vault.status() != VaultStatus::Unlocked>
                    {move || if rotate.pending().get() { i18n.t().vault_unlock_busy } else { i18n.t().rotation_submit }}
                </button>
            </form>
        </section>
    }
}
