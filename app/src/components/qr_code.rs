//! A QR code drawn from the path the server made (no script, no image request: the strict CSP
//! allows it as it is).

use leptos::prelude::*;

use crate::auth::QrSvg;

#[component]
pub fn QrCode(qr: QrSvg, label: &'static str) -> impl IntoView {
    let view_box = format!("0 0 {0} {0}", qr.size);
    view! {
        <svg class="qr-code" viewBox=view_box role="img" aria-label=label
            xmlns="http://www.w3.org/2000/svg" shape-rendering="crispEdges">
            <rect width=qr.size height=qr.size fill="#ffffff"/>
            <path d=qr.path fill="#000000"/>
        </svg>
    }
}
