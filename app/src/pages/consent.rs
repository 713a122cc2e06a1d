//! `/c`: the patient consent page. The link token is in the URL fragment, read only in the
//! browser; without a complete link the patient is told what to do.

use leptos::prelude::*;

use crate::components::NoticePage;

#[component]
pub fn ConsentPage() -> impl IntoView {
    view! {
        <NoticePage
            title=|m| m.patient_title
            text=|m| m.patient_text
            note=|m| m.patient_safety_note
            link_href="/"
            link_label=|m| m.back_home
        />
    }
}
