//! The page for unknown addresses, answered with HTTP 404.

use leptos::prelude::*;

use crate::components::NoticePage;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <NoticePage
            title=|m| m.not_found_title
            text=|m| m.not_found_text
            link_href="/"
            link_label=|m| m.back_home
        />
    }
}
