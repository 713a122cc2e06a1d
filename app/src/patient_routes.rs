//! The patient's own pages, `/c` (the consent form) and `/c/widerruf` (withdrawal), as an app of
//! their own.
//!
//! A patient's phone downloads only what these pages need: they are rendered with this app on
//! the server and hydrated by the patient bundle (crate `patient-frontend`), which never links
//! the staff area, the vault or the key derivation. The staff app ([`crate::App`]) does not know
//! these paths; staff only ever open them by a full page load (a link they send or scan).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::pages::{ConsentPage, WithdrawPage};
use crate::routes::app_frame;

/// The bundle name of the patient app: the staff bundle's name with this suffix
/// (`/pkg/derma_consent_patient.js` and `.wasm`), built by `scripts/build-bundles`.
pub const PATIENT_BUNDLE_SUFFIX: &str = "_patient";

#[component]
pub fn PatientApp() -> impl IntoView {
    let head = app_frame();
    view! {
        {head}
        <Router>
            <Routes fallback=LoadFromServer>
                <Route path=path!("/c") view=ConsentPage/>
                <Route path=path!("/c/widerruf") view=WithdrawPage/>
            </Routes>
        </Router>
    }
}

/// Any other path (a link to the start page, sign-in): the router has already put it in the
/// address bar, so the browser asks the server for it, which renders it with the staff app.
/// Never rendered on the server: it routes only the patient paths to this app.
#[component]
fn LoadFromServer() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    Effect::new(|_| {
        let _ = window().location().reload();
    });
    view! { <main id="main" class="consent-page" aria-busy="true"></main> }
}
