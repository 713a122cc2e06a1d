//! Entry pages of the staff area: sign-in, registration and the `/app` frame.
//! Sessions arrive with the accounts issue; until then nobody is signed in, so `/app/*`
//! asks the visitor to sign in, exactly as it will for a signed-out visitor later.

use leptos::prelude::*;
use leptos_router::components::Outlet;

use crate::components::NoticePage;

#[component]
pub fn SignInPage() -> impl IntoView {
    view! {
        <NoticePage title=|m| m.sign_in_title text=|m| m.sign_in_text link_href="/" link_label=|m| m.back_home/>
    }
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    view! {
        <NoticePage title=|m| m.register_title text=|m| m.register_text link_href="/" link_label=|m| m.back_home/>
    }
}

/// The frame around every `/app/*` page.
#[component]
pub fn StaffArea() -> impl IntoView {
    view! { <Outlet/> }
}

/// Shown for every staff page while the visitor is not signed in.
#[component]
pub fn StaffHome() -> impl IntoView {
    view! {
        <NoticePage
            title=|m| m.staff_title
            text=|m| m.staff_sign_in_required
            link_href="/login"
            link_label=|m| m.staff_go_to_sign_in
        />
    }
}
