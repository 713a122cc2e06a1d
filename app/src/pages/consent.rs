//! `/c#<token>`: the patient consent page. The link token is in the URL fragment, read only in
//! the browser (no server or proxy log ever sees it); the server renders the calm frame, the
//! browser asks for the consent with the token in the request body and runs the form.

use leptos::prelude::*;

use crate::components::{use_kept_link_token, ConsentFlow, LinkToken, NoticePage};
use crate::consents::{open_consent_link, LinkState};
use crate::i18n::use_i18n;

#[component]
pub fn ConsentPage() -> impl IntoView {
    let i18n = use_i18n();
    let token = use_kept_link_token();
    let state = LocalResource::new(move || {
        let token = token.get();
        async move {
            match token {
                LinkToken::Pending => None,
                LinkToken::Missing => Some(Ok(LinkState::Unknown)),
                LinkToken::Present(token) => Some(open_consent_link(token).await),
            }
        }
    });
    let token_text = move || match token.get() {
        LinkToken::Present(t) => t,
        _ => String::new(),
    };
    let page =
        |inner: AnyView| view! { <main id="main" class="consent-page">{inner}</main> }.into_any();
    view! {
            {move || match state.get().flatten() {
                None => page(view! {
                    <section class="card consent-step" aria-busy="true">
                        <h1>{i18n.text(|m| m.patient_title)}</h1>
                        <p>{i18n.text(|m| m.link_loading)}</p>
                        <p class="notice__note">{i18n.text(|m| m.patient_safety_note)}</p>
                    </section>
                }.into_any()),
                Some(Ok(LinkState::Open(open))) => page(view! { <ConsentFlow open token=token_text()/> }.into_any()),
                Some(Ok(LinkState::Submitted { practice_name })) => page(view! {
                    <ClosedLink practice_name title=|m| m.link_submitted_title text=|m| m.link_submitted_text/>
                }.into_any()),
                Some(Ok(LinkState::Expired { practice_name })) => page(view! {
                    <ClosedLink practice_name title=|m| m.link_expired_title text=|m| m.link_expired_text/>
                }.into_any()),
                Some(Ok(LinkState::Withdrawn { practice_name })) => page(view! {
                    <ClosedLink practice_name title=|m| m.link_withdrawn_title text=|m| m.link_withdrawn_text/>
                }.into_any()),
                Some(Ok(LinkState::Unknown)) => view! {
                    <NoticePage title=|m| m.patient_title text=|m| m.patient_text note=|m| m.patient_safety_note
                        link_href="/" link_label=|m| m.back_home/>
                }.into_any(),
                Some(Err(_)) => view! {
                    <NoticePage title=|m| m.patient_title text=|m| m.link_failed note=|m| m.patient_safety_note
                        link_href="/" link_label=|m| m.back_home/>
                }.into_any(),
            }}
    }
}

/// A friendly page for a link that cannot be filled in any more.
#[component]
fn ClosedLink(
    practice_name: String,
    title: fn(&crate::i18n::Messages) -> &'static str,
    text: fn(&crate::i18n::Messages) -> &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card consent-step">
            <p class="consent-flow__practice">{practice_name}</p>
            <h1>{move || title(i18n.t())}</h1>
            <p>{move || text(i18n.t())}</p>
        </section>
    }
}
