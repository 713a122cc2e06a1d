//! `/app/profil`: the member's own account — name, address, role — and their two-factor
//! sign-in; for an ADMIN also the practice-wide 2FA requirement; signing out everywhere.

use domain::UserRole;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::auth::{linked_sign_in_accounts, own_account, StaffProfile};
use crate::components::{
    LinkedAccounts, SignOutEverywhere, TwoFactorRequirement, TwoFactorSection,
};
use crate::i18n::{head_text, use_i18n};
use crate::pages::staff::role_label;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let profile = use_context::<StaffProfile>();
    let account = Resource::new(|| (), |()| own_account());
    // Both sections below wait in one Suspense: two sibling Suspense boundaries here
    // broke hydration of the page opened by its address (the browser test loads it so).
    let sign_in_accounts = Resource::new(|| (), |()| linked_sign_in_accounts());
    let refresh = Callback::new(move |()| account.refetch());
    let is_admin = profile.as_ref().is_some_and(|p| p.role == UserRole::Admin);
    let (email, role) = profile.map(|p| (p.email, p.role)).unzip();
    view! {
        <Title text=head_text(|m| format!("{} · {}", m.profile_title, m.brand))/>
        <section class="card profile-card">
            <h1>{i18n.text(|m| m.profile_title)}</h1>
            <dl class="profile-facts">
                <dt>{i18n.text(|m| m.profile_name)}</dt>
                <dd>
                    <Suspense fallback=|| "…">
                        {move || account.get().map(|a| match a {
                            Ok(a) if !a.display_name.is_empty() => a.display_name,
                            _ => i18n.t().profile_name_missing.to_owned(),
                        })}
                    </Suspense>
                </dd>
                <dt>{i18n.text(|m| m.field_email)}</dt>
                <dd>{email}</dd>
                <dt>{i18n.text(|m| m.profile_role)}</dt>
                <dd>{move || role.map(|r| role_label(i18n.t(), r))}</dd>
            </dl>
        </section>
        <Suspense fallback=|| ()>
            {move || account.get().and_then(Result::ok).map(|a| view! {
                <TwoFactorSection account=a.clone() on_change=refresh/>
                <Show when=move || is_admin>
                    <TwoFactorRequirement required=a.required_by_practice own_enabled=a.enabled on_change=refresh/>
                </Show>
            })}
            <LinkedAccounts accounts=sign_in_accounts/>
        </Suspense>
        <SignOutEverywhere/>
    }
}
