//! The profile's "Anmelden mit Google oder Microsoft" section: each offered provider with its
//! state, a form that starts connecting it (through the provider, served by `/auth/oidc/…`),
//! or a button that disconnects it. Hidden when the deployment offers none and none is linked.

use domain::SignInProvider;
use leptos::prelude::*;

use crate::auth::{unlink_sign_in_account, SignInAccounts};
use crate::components::provider_sign_in::use_sign_in_outcome;
use crate::error::AppError;
use crate::i18n::use_i18n;

type Unlink = Action<SignInProvider, Result<(), AppError>>;

/// `accounts` is `linked_sign_in_accounts()`, made by the page (see `pages/profile.rs`);
/// the page's Suspense around this waits for it.
#[component]
pub fn LinkedAccounts(accounts: Resource<Result<SignInAccounts, AppError>>) -> impl IntoView {
    // Out here, so that what it did survives the section being drawn again.
    let unlink: Unlink = Action::new(|provider: &SignInProvider| unlink_sign_in_account(*provider));
    Effect::new(move |_| {
        if let Some(Ok(())) = unlink.value().get() {
            accounts.refetch();
        }
    });
    move || {
        accounts
            .get()
            .and_then(Result::ok)
            .filter(|a| !a.offered.is_empty() || !a.linked.is_empty())
            .map(|a| view! { <Section accounts=a unlink/> })
    }
}

#[component]
fn Section(accounts: SignInAccounts, unlink: Unlink) -> impl IntoView {
    let i18n = use_i18n();
    let outcome = use_sign_in_outcome();
    let mut providers = accounts.offered.clone();
    providers.extend(
        accounts
            .linked
            .iter()
            .map(|l| l.provider)
            .filter(|p| !accounts.offered.contains(p)),
    );
    let rows = providers
        .into_iter()
        .map(|provider| {
            let linked = accounts
                .linked
                .iter()
                .find(|l| l.provider == provider)
                .map(|l| l.linked_on.clone());
            let offered = accounts.offered.contains(&provider);
            view! {
                <li class="linked-accounts__row">
                    <span class="linked-accounts__name">{provider.label()}</span>
                    <span class="linked-accounts__state">
                        {match linked.clone() {
                            Some(on) => view! { {i18n.text(|m| m.oidc_connected_since)} " " <time>{on}</time> }.into_any(),
                            None => view! { {i18n.text(|m| m.oidc_not_connected)} }.into_any(),
                        }}
                    </span>
                    {if linked.is_some() {
                        view! {
                            <button class="button button--secondary" type="button" disabled=unlink.pending()
                                aria-label=format!("{} {}", provider.label(), i18n.t().oidc_disconnect)
                                on:click=move |_| { unlink.dispatch(provider); }>
                                {i18n.text(|m| m.oidc_disconnect)}
                            </button>
                        }.into_any()
                    } else if offered {
                        view! {
                            <form method="post" action=format!("/auth/oidc/{}", provider.as_str())>
                                <input type="hidden" name="intent" value="link"/>
                                <button class="button" type="submit"
                                    aria-label=format!("{} {}", provider.label(), i18n.t().oidc_connect)>
                                    {i18n.text(|m| m.oidc_connect)}
                                </button>
                            </form>
                        }.into_any()
                    } else {
                        ().into_any()
                    }}
                </li>
            }
        })
        .collect_view();
    let unlinked = move || matches!(unlink.value().get(), Some(Ok(())));
    view! {
        <section class="card profile-card" aria-labelledby="linked-accounts-title">
            <h2 id="linked-accounts-title">{i18n.text(|m| m.oidc_section_title)}</h2>
            <p>{i18n.text(|m| m.oidc_section_intro)}</p>
            <Show when=move || outcome.get().is_some() && !unlinked()>
                <p class="form-notice" role="status" data-testid="link-outcome">{move || outcome.get()}</p>
            </Show>
            <Show when=unlinked>
                <p class="form-notice" role="status">{i18n.text(|m| m.oidc_disconnected)}</p>
            </Show>
            <p class="form-error" role="alert">
                {move || unlink.value().get().and_then(Result::err).map(|_| i18n.t().error_try_again)}
            </p>
            <ul class="linked-accounts">{rows}</ul>
        </section>
    }
}
