//! Sign-in with Google or Microsoft, as the pages see it: which providers this deployment
//! offers, which ones the member has connected, and disconnecting one. The flow itself (the
//! redirects to and from the provider) is served by the server at `/auth/oidc/…`, because it
//! is a chain of browser navigations rather than a call from the page.

mod accounts;
mod offered;
mod unlink;

use domain::SignInProvider;
use serde::{Deserialize, Serialize};

use crate::i18n::Messages;

pub use accounts::linked_sign_in_accounts;
pub use offered::sign_in_providers;
pub use unlink::unlink_sign_in_account;

/// The providers configured on this deployment, provided by the server.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignInProviders(pub Vec<SignInProvider>);

/// A provider account the member connected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedSignIn {
    pub provider: SignInProvider,
    /// ISO date of the connection.
    pub linked_on: String,
}

/// The profile's view of sign-in with a provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInAccounts {
    pub offered: Vec<SignInProvider>,
    pub linked: Vec<LinkedSignIn>,
}

/// The message for the `oidc` query parameter the server's flow comes back with.
pub fn explain_outcome(messages: &Messages, code: &str) -> Option<&'static str> {
    Some(match code {
        "linked" => messages.oidc_linked,
        "cancelled" => messages.oidc_cancelled,
        "not-linked" => messages.oidc_not_linked,
        "locked" => messages.sign_in_locked,
        "too-many" => messages.oidc_too_many,
        "expired" => messages.oidc_expired,
        "taken" => messages.oidc_taken,
        "has-one" => messages.oidc_has_one,
        "failed" => messages.oidc_failed,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::explain_outcome;
    use crate::i18n::Locale;

    #[test]
    fn every_outcome_the_server_sends_has_a_message_in_every_language() {
        for locale in Locale::ALL {
            let m = locale.messages();
            for code in [
                "linked",
                "cancelled",
                "not-linked",
                "locked",
                "too-many",
                "expired",
                "taken",
                "has-one",
                "failed",
            ] {
                assert!(
                    explain_outcome(m, code).is_some_and(|t| !t.is_empty()),
                    "{code}"
                );
            }
            assert_eq!(explain_outcome(m, "<script>"), None);
        }
    }
}
