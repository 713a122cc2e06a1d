//! Two-factor sign-in with TOTP for every staff role (issue 4): enrolment with a QR code,
//! one-time recovery codes, the code step after the password, and an ADMIN's practice-wide
//! requirement. The secret is sealed at rest (`crypto::TotpSecret`, docs/crypto.md §10);
//! checks run on the server with the per-account back-off and the per-network limit.
//!
//! Which session may call what is decided centrally by its stage (`auth::require_at`): a
//! session waiting for its code may only call [`verify_two_factor`] (and sign out), one that
//! must still enrol only the enrolment functions.

mod confirm;
mod disable;
mod own_account;
mod renew;
mod requirement;
mod start;
mod verify;

#[cfg(feature = "ssr")]
mod check;
#[cfg(feature = "ssr")]
mod qr;
#[cfg(feature = "ssr")]
pub(crate) use qr::svg as qr_svg;

use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::i18n::Messages;

pub use confirm::confirm_two_factor;
pub use disable::disable_two_factor;
pub use own_account::own_account;
pub use renew::renew_recovery_codes;
pub use requirement::set_two_factor_requirement;
pub use start::start_two_factor;
pub use verify::verify_two_factor;

/// The signed-in member's account as the profile page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountOverview {
    pub display_name: String,
    pub enabled: bool,
    pub recovery_codes_left: u32,
    pub required_by_practice: bool,
}

/// A started enrolment: the key for the authenticator app, as a QR code and as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorEnrolment {
    /// The base32 key in groups of four, for typing it in.
    pub key: String,
    /// `otpauth://` link (opens the authenticator app on the same phone).
    pub uri: String,
    pub qr: QrSvg,
}

/// A QR code as one SVG path of unit squares, `size` modules wide with the quiet zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QrSvg {
    pub size: u32,
    pub path: String,
}

/// What to tell the member after a refused code or 2FA change.
pub fn explain_code_error(messages: &Messages, error: &AppError) -> &'static str {
    match error {
        AppError::Validation(_) => messages.tf_code_wrong,
        AppError::RateLimited { .. } => messages.sign_in_locked,
        AppError::Conflict(_) => messages.tf_changed,
        AppError::Unauthorized => messages.staff_sign_in_required,
        AppError::Forbidden | AppError::NotFound | AppError::Internal | AppError::Transport(_) => {
            messages.error_try_again
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn refusals_are_explained_without_internals() {
        let m = Locale::De.messages();
        assert_eq!(
            explain_code_error(m, &AppError::Validation("x".into())),
            m.tf_code_wrong
        );
        assert_eq!(
            explain_code_error(
                m,
                &AppError::RateLimited {
                    retry_after_secs: 60
                }
            ),
            m.sign_in_locked
        );
        assert_eq!(
            explain_code_error(m, &AppError::Conflict("x".into())),
            m.tf_changed
        );
        assert_eq!(
            explain_code_error(m, &AppError::Internal),
            m.error_try_again
        );
    }
}
