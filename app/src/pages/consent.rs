//! `/c#<token>`: the patient consent page. The link token is in the URL fragment, read only in
//! the browser (no server or proxy log ever sees it); the server renders the calm frame, the
//! browser asks for the consent with the token in the request body and runs the form.

use leptos::either::EitherOf4;
use leptos::prelude::*;

use crate::components::{
    mount_in_browser, use_kept_link_token, ConsentFlow, LinkToken, NoticePage,
};
use crate::consents::{open_consent_link, LinkState};
use crate::error::AppError;
use crate::i18n::{use_i18n, Messages};

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
    // What the link opens is rendered in the browser only (components::browser_view).
    let host = NodeRef::new();
    mount_in_browser(
        host,
        move || state.get().flatten(),
        move |opened| opened_link(opened, token),
    );
    let loading = move || state.with(|s| s.as_ref().is_none_or(Option::is_none));
    view! {
        {move || loading().then(|| view! {
            <main id="main" class="consent-page">
                <section class="card consent-step" aria-busy="true">
                    <h1>{i18n.text(|m| m.patient_title)}</h1>
                    <p>{i18n.text(|m| m.link_loading)}</p>
                    <p class="notice__note">{i18n.text(|m| m.patient_safety_note)}</p>
                </section>
            </main>
        })}
        <div class="browser-view" node_ref=host></div>
    }
}

/// The page for what the link opened: the form, or why it cannot be filled in.
fn opened_link(opened: Result<LinkState, AppError>, token: ReadSignal<LinkToken>) -> impl IntoView {
    fn page(inner: impl IntoView) -> impl IntoView {
        view! { <main id="main" class="consent-page">{inner}</main> }
    }
    let closed =
        |practice_name, title, text| page(view! { <ClosedLink practice_name title text/> });
    match opened {
        Ok(LinkState::Open(open)) => {
            let token = match token.get_untracked() {
                LinkToken::Present(t) => t,
                _ => String::new(),
            };
            EitherOf4::A(page(view! { <ConsentFlow open token/> }))
        }
        Ok(LinkState::Submitted { practice_name }) => EitherOf4::B(closed(
            practice_name,
            |m: &Messages| m.link_submitted_title,
            |m: &Messages| m.link_submitted_text,
        )),
        Ok(LinkState::Expired { practice_name }) => EitherOf4::B(closed(
            practice_name,
            |m: &Messages| m.link_expired_title,
            |m: &Messages| m.link_expired_text,
        )),
        Ok(LinkState::Withdrawn { practice_name }) => EitherOf4::B(closed(
            practice_name,
            |m: &Messages| m.link_withdrawn_title,
            |m: &Messages| m.link_withdrawn_text,
        )),
        Ok(LinkState::Unknown) => EitherOf4::C(view! {
            <NoticePage title=|m| m.patient_title text=|m| m.patient_text note=|m| m.patient_safety_note
                link_href="/" link_label=|m| m.back_home/>
        }),
        Err(_) => EitherOf4::D(view! {
            <NoticePage title=|m| m.patient_title text=|m| m.link_failed note=|m| m.patient_safety_note
                link_href="/" link_label=|m| m.back_home/>
        }),
    }
}

/// A friendly page for a link that cannot be filled in any more.
#[component]
fn ClosedLink(
    practice_name: String,
    title: fn(&Messages) -> &'static str,
    text: fn(&Messages) -> &'static str,
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
