//! The route table of the staff app and the public pages.
//!
//! Paths are language-neutral; the language comes from the user's choice, not the URL.
//! `/c` is the patient consent page: the link token travels in the URL fragment (`/c#…`), which
//! browsers never send to a server, so it cannot end up in any server or proxy log. The patient
//! pages are an app of their own ([`crate::PatientApp`]) with a bundle of their own, so that a
//! patient's phone never downloads the staff area.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Stylesheet};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use crate::i18n::{head_lang, provide_i18n};
use crate::pages::{
    AcceptInvitePage, ConsentReviewPage, ForgotPasswordPage, KioskPage, LandingPage,
    NewConsentPage, NotFoundPage, PatientPage, PatientsPage, PracticeSettingsPage, ProfilePage,
    RegisterPage, ResetPasswordPage, SignInPage, StaffArea, StaffHome, TeamPage, VerifyEmailPage,
};
use crate::vault::provide_vault;

#[component]
pub fn App() -> impl IntoView {
    let head = app_frame();
    provide_vault().watch_idleness();

    view! {
        {head}
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=LandingPage/>
                <Route path=path!("/login") view=SignInPage/>
                <Route path=path!("/register") view=RegisterPage/>
                <Route path=path!("/verify-email") view=VerifyEmailPage/>
                <Route path=path!("/forgot-password") view=ForgotPasswordPage/>
                <Route path=path!("/reset-password") view=ResetPasswordPage/>
                <Route path=path!("/invite") view=AcceptInvitePage/>
                <ParentRoute path=path!("/app") view=StaffArea>
                    <Route path=path!("") view=StaffHome/>
                    <Route path=path!("einwilligungen/neu") view=NewConsentPage/>
                    <Route path=path!("einwilligungen/:id") view=ConsentReviewPage/>
                    <Route path=path!("patienten") view=PatientsPage/>
                    <Route path=path!("patienten/:id") view=PatientPage/>
                    <Route path=path!("profil") view=ProfilePage/>
                    <Route path=path!("team") view=TeamPage/>
                    <Route path=path!("praxis") view=PracticeSettingsPage/>
                </ParentRoute>
                <Route path=path!("/kiosk") view=KioskPage/>
            </Routes>
        </Router>
    }
}

/// What the staff app and the patient app share: the meta and language contexts, the
/// hydration marker, and `<html lang>` with the stylesheet.
pub(crate) fn app_frame() -> impl IntoView {
    provide_meta_context();
    provide_i18n();
    mark_hydrated();
    view! {
        <Html {..} lang=head_lang() />
        <Stylesheet id="leptos" href=stylesheet_href()/>
    }
}

/// Marks `<html data-hydrated>` once the WASM app has taken over the server-rendered page, so
/// browser tests (and people debugging) can tell a live page from a static one.
fn mark_hydrated() {
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            // Only a test aid: failing to set it changes nothing for users.
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
}

/// The one stylesheet, shared by the staff and the patient app.
fn stylesheet_href() -> String {
    format!("/pkg/{OUTPUT_NAME}.css")
}

/// The bundle name (Leptos.toml `name`), compiled in by cargo-leptos.
const OUTPUT_NAME: &str = match option_env!("LEPTOS_OUTPUT_NAME") {
    Some(name) => name,
    None => "derma_consent",
};
