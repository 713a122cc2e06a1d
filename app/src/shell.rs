//! The HTML document around the app, rendered only on the server.

use leptos::prelude::*;
use leptos_meta::MetaTags;

use crate::App;

/// The document shell. `<html lang>` is set by the app itself (leptos_meta `Html`), so that a
/// language switch in the browser updates it too.
pub fn shell(options: LeptosOptions) -> impl IntoView {
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
                <App/>
            </body>
        </html>
    }
}
