//! Sign-in with Google or Microsoft (OpenID Connect authorization code flow with PKCE), beside
//! the password. See docs/decisions/0004-openid-connect.md.
//!
//! A provider account only ever signs in the member who connected it while signed in; the
//! provider's email claim is never asked for, so an account cannot be matched by an address
//! (verified or not). Signing in with a provider is a first factor only: a member with 2FA
//! still gives their code, and the vault still opens only with their own password.

mod id_token;
mod provider;
mod routes;

use std::collections::HashMap;
use std::sync::Arc;

use domain::SignInProvider;

pub use provider::{Provider, ProviderError};
pub use routes::routes;

/// The configured providers of this deployment.
#[derive(Clone, Default)]
pub struct Providers(Arc<HashMap<SignInProvider, Provider>>);

impl Providers {
    pub fn new(settings: &crate::Settings) -> Self {
        Self(Arc::new(
            settings
                .oidc
                .iter()
                // A provider whose HTTP client cannot be built (no TLS roots) is not offered;
                // the log says why, password sign-in goes on working.
                .filter_map(|p| match Provider::new(p.clone(), &settings.public_origin) {
                    Ok(provider) => Some((p.provider, provider)),
                    Err(error) => {
                        tracing::error!(%error, provider = p.provider.as_str(), "oidc: provider disabled");
                        None
                    }
                })
                .collect(),
        ))
    }

    pub fn get(&self, provider: SignInProvider) -> Option<&Provider> {
        self.0.get(&provider)
    }

    /// The configured providers in a stable order (for the sign-in page).
    pub fn offered(&self) -> Vec<SignInProvider> {
        SignInProvider::ALL
            .iter()
            .copied()
            .filter(|p| self.0.contains_key(p))
            .collect()
    }

    /// Where sign-in forms may send the browser (the CSP's `form-action`).
    pub fn form_targets(&self) -> String {
        let mut origins: Vec<&str> = self
            .0
            .values()
            .map(|p| p.settings.issuer_origin())
            .collect();
        origins.sort_unstable();
        origins.dedup();
        origins.join(" ")
    }
}
