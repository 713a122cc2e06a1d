//! `/kiosk`: the practice tablet. Until a device is paired (DESIGN §7) it says how to pair it.

use leptos::prelude::*;

use crate::components::NoticePage;

#[component]
pub fn KioskPage() -> impl IntoView {
    view! {
        <NoticePage
            title=|m| m.kiosk_title
            text=|m| m.kiosk_text
            link_href="/login"
            link_label=|m| m.staff_go_to_sign_in
        />
    }
}
