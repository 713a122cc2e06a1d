//! "Mit Google anmelden" / "Mit Microsoft anmelden" under the password form, for the providers
//! this deployment offers, and what the provider's answer came to (`?oidc=…`). Plain HTML
//! forms: they work before the WASM has loaded, and the same-origin check guards the post.

use domain::SignInProvider;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::auth::{explain_sign_in_outcome, sign_in_providers};
use crate::i18n::{use_i18n, Messages};

pub(crate) fn sign_in_label(messages: &Messages, provider: SignInProvider) -> &'static str {
    match provider {
        SignInProvider::Google => messages.oidc_sign_in_google,
        SignInProvider::Microsoft => messages.oidc_sign_in_microsoft,
    }
}

/// The provider's answer as the page explains it, from the `oidc` query parameter.
pub(crate) fn use_sign_in_outcome() -> Signal<Option<&'static str>> {
    let i18n = use_i18n();
    let query = use_query_map();
    Signal::derive(move || {
        query
            .read()
            .get("oidc")
            .and_then(|code| explain_sign_in_outcome(i18n.t(), &code))
    })
}

#[component]
pub fn ProviderSignIn() -> impl IntoView {
    let i18n = use_i18n();
    let offered = Resource::new(|| (), |()| sign_in_providers());
    let outcome = use_sign_in_outcome();
    view! {
        <Show when=move || outcome.get().is_some()>
            <p class="form-error" role="alert" data-testid="sign-in-outcome">{move || outcome.get()}</p>
        </Show>
        <Suspense fallback=|| ()>
            {move || offered.get().and_then(Result::ok).filter(|p| !p.is_empty()).map(|providers| view! {
                <div class="provider-sign-in">
                    <p class="provider-sign-in__or"><span>{i18n.text(|m| m.oidc_or)}</span></p>
                    {providers.into_iter().map(|provider| view! {
                        <form method="post" action=format!("/auth/oidc/{}", provider.as_str())>
                            <input type="hidden" name="intent" value="sign-in"/>
                            <button class="button button--secondary button--wide" type="submit">
                                {move || sign_in_label(i18n.t(), provider)}
                            </button>
                        </form>
                    }).collect_view()}
                </div>
            })}
        </Suspense>
    }
}
