//! The HTML document around the app, rendered only on the server.

use leptos::prelude::*;
use leptos_meta::MetaTags;

use crate::patient_routes::PATIENT_BUNDLE_SUFFIX;
use crate::{App, PatientApp};

/// The document around the staff app and the public pages.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    document(options, App)
}

/// The document around the patient pages: the same head, but the patient bundle hydrates it.
pub fn patient_shell(mut options: LeptosOptions) -> impl IntoView {
    options.output_name = format!("{}{PATIENT_BUNDLE_SUFFIX}", options.output_name).into();
    document(options, PatientApp)
}

/// `<html lang>` is set by the app itself (leptos_meta `Html`), so that a language switch in the
/// browser updates it too.
fn document<V: IntoView + 'static>(
    options: LeptosOptions,
    app: impl FnOnce() -> V + Send + 'static,
) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <meta name="theme-color" content="#2f6f62"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                {app()}
            </body>
        </html>
    }
}
