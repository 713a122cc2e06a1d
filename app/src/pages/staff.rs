//! The `/app` staff area: the signed-in frame (navigation, role, sign-out) around its pages,
//! or a request to sign in. The server decides who is signed in (`whoami`); every server
//! function checks again on its own.

use domain::UserRole;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::auth::{sign_out, whoami, SessionStage, StaffProfile};
use crate::components::{use_hydrated, NoticePage, TwoFactorGate, VaultBadge, VaultPanel};
use crate::i18n::{head_text, use_i18n, Messages};
use crate::vault::use_vault;

pub(crate) fn role_label(messages: &Messages, role: UserRole) -> &'static str {
    match role {
        UserRole::Admin => messages.role_admin,
        UserRole::Arzt => messages.role_arzt,
        UserRole::Empfang => messages.role_empfang,
    }
}

/// The frame around every `/app/*` page.
#[component]
pub fn StaffArea() -> impl IntoView {
    let profile_answer = Resource::new(|| (), |()| whoami());
    view! {
        <Suspense fallback=|| view! { <main id="main" class="staff-loading" aria-busy="true"></main> }>
            {move || profile_answer.get().map(|answer| {
                match answer {
                    Ok(Some(profile)) if profile.stage == SessionStage::Complete => {
                        view! { <StaffShell profile/> }.into_any()
                    }
                    // The 2FA code or enrolment first; then the whole area.
                    Ok(Some(profile)) => view! {
                        <TwoFactorGate stage=profile.stage on_done=move |()| profile_answer.refetch()/>
                    }.into_any(),
                    _ => {
                    view! { <SignInRequired/> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn StaffShell(profile: StaffProfile) -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    let hydrated = use_hydrated();
    let panel_profile = profile.clone();
    // The pages inside (the profile page) read who is signed in from here.
    provide_context(profile.clone());
    let path = use_location().pathname;
    let current = move |href: &'static str| (path.get() == href).then_some("page");
    let leave = Action::new(move |(): &()| {
        // Signing out locks (wipes) the vault in this browser first.
        vault.lock();
        sign_out()
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if leave.value().get().is_some() {
            navigate("/login", NavigateOptions::default());
        }
    });
    view! {
        <Title text=head_text(|m| format!("{} · {}", m.staff_nav_label, m.brand))/>
        <header class="staff-header">
            <a class="brand" href="/app">
                <span class="brand__mark" aria-hidden="true">"DC"</span>
                <span class="brand__name">{i18n.text(|m| m.brand)}</span>
            </a>
            <nav class="site-nav" aria-label=i18n.text(|m| m.staff_nav_label)>
                <a href="/app" aria-current=move || current("/app")>{i18n.text(|m| m.nav_dashboard)}</a>
                <a href="/app/patienten" aria-current=move || current("/app/patienten")>{i18n.text(|m| m.nav_patients)}</a>
                <a href="/app/einwilligungen/neu" aria-current=move || current("/app/einwilligungen/neu")>{i18n.text(|m| m.nav_new_consent)}</a>
                <a href="/app/profil" aria-current=move || current("/app/profil")>{i18n.text(|m| m.nav_profile)}</a>
                {(profile.role == UserRole::Admin).then(|| view! {
                    <a href="/app/team" aria-current=move || current("/app/team")>{i18n.text(|m| m.nav_team)}</a>
                    <a href="/app/praxis" aria-current=move || current("/app/praxis")>{i18n.text(|m| m.nav_settings)}</a>
                })}
            </nav>
            <span class="staff-header__who">
                {i18n.text(|m| m.signed_in_as)} " " <strong>{move || role_label(i18n.t(), profile.role)}</strong>
            </span>
            <VaultBadge/>
            <button class="button button--secondary" type="button" on:click=move |_| { leave.dispatch(()); }>
                {i18n.text(|m| m.nav_sign_out)}
            </button>
        </header>
        <main id="main" class="staff-main">
            // Mounted only once the app runs in the browser: the vault's keys, resources and
            // actions must never be created while the page is rendered on the server.
            <Show when=move || hydrated.get()>
                <VaultPanel profile=panel_profile.clone()/>
            </Show>
            <Outlet/>
        </main>
    }
}

/// The landing page of the staff area: what needs attention first.
#[component]
pub fn StaffHome() -> impl IntoView {
    view! { <crate::pages::dashboard::Dashboard/> }
}

#[component]
fn SignInRequired() -> impl IntoView {
    // Signed out (or the session ended): no keys may stay open in this tab. An effect, so it
    // runs in the browser only (the vault's keys never exist on the server).
    let vault = use_vault();
    Effect::new(move |_| vault.lock());
    view! {
        <NoticePage
            title=|m| m.staff_title
            text=|m| m.staff_sign_in_required
            link_href="/login"
            link_label=|m| m.staff_go_to_sign_in
        />
    }
}
