//! Who is asking, and may they: the one place server functions authorise (DESIGN §6).
//!
//! The server's session middleware resolves the session cookie and puts the [`Staff`] member
//! into the request; server functions call [`require`] with the capability they need before
//! doing anything else.

mod oidc;
mod password_flow;
mod password_reset;
mod register;
mod session_cookie;
mod sign_in;
mod sign_out;
mod sign_out_everywhere;
mod stage;
mod two_factor;
pub(crate) mod verify_email;
mod whoami;

pub use oidc::{
    explain_outcome as explain_sign_in_outcome, linked_sign_in_accounts, sign_in_providers,
    unlink_sign_in_account, LinkedSignIn, SignInAccounts, SignInProviders,
};
pub use password_flow::{
    check_new_password, derive_password_keys, explain, register_with_password, reset_with_password,
    sign_in_with_password, vault_wrap_key,
};
pub use password_reset::{request_password_reset, reset_password, reset_target, ResetAccount};
pub use register::{register_practice, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
pub use session_cookie::SessionCookie;
pub use sign_in::{sign_in, sign_in_parameters};
pub use sign_out::sign_out;
pub use sign_out_everywhere::sign_out_everywhere;
pub use stage::SessionStage;
pub use two_factor::{
    confirm_two_factor, disable_two_factor, explain_code_error, own_account, renew_recovery_codes,
    set_two_factor_requirement, start_two_factor, verify_two_factor, AccountOverview, QrSvg,
    TwoFactorEnrolment,
};
pub use verify_email::verify_email;
pub use whoami::{whoami, StaffProfile};

#[cfg(feature = "ssr")]
pub(crate) mod rate_limits;
#[cfg(feature = "ssr")]
mod request_context;

#[cfg(feature = "ssr")]
pub use request_context::{client_network, ClientNetwork, ServerSecret};
#[cfg(feature = "ssr")]
pub use server_side::{current, require, require_at, session_staff, Staff};
#[cfg(feature = "ssr")]
pub(crate) use two_factor::qr_svg;

#[cfg(feature = "ssr")]
mod server_side {
    use domain::{Capability, UserRole};
    use leptos::prelude::use_context;
    use uuid::Uuid;

    use super::SessionStage;
    use crate::error::AppError;

    /// A signed-in staff member, as the session middleware found them.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Staff {
        pub practice_id: Uuid,
        pub user_id: Uuid,
        pub role: UserRole,
        pub email: String,
        pub two_factor_verified: bool,
        /// The member has 2FA switched on.
        pub two_factor_enabled: bool,
        /// The practice requires 2FA of every member.
        pub two_factor_required: bool,
        /// SHA-256 of the session token (to end or rotate this session).
        pub session_hash: [u8; 32],
    }

    impl Staff {
        pub const fn stage(&self) -> SessionStage {
            SessionStage::of(
                self.two_factor_enabled,
                self.two_factor_required,
                self.two_factor_verified,
            )
        }

        /// Records that this member did `action` to `entity`, in the caller's transaction, with
        /// the request's truncated network. `metadata` holds ids and enums only, never names.
        pub async fn audit(
            &self,
            conn: &mut db::PgConnection,
            action: domain::AuditAction,
            entity: (&'static str, Uuid),
            metadata: serde_json::Value,
        ) -> Result<(), AppError> {
            let network = super::client_network();
            db::audit::append(
                conn,
                &db::audit::NewAuditEntry {
                    practice_id: self.practice_id,
                    action,
                    entity: Some(entity),
                    actor_user_id: Some(self.user_id),
                    ip_truncated: network.as_deref(),
                    metadata,
                },
            )
            .await?;
            Ok(())
        }
    }

    /// The staff member of this request's session at whatever stage it is: only for signing
    /// out, `whoami` and the two-factor steps. Everything else uses [`current`] or [`require`].
    pub fn session_staff() -> Option<Staff> {
        use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Staff>().cloned())
    }

    /// The signed-in staff member of this request, if their session is complete (password and,
    /// where needed, the second factor given).
    pub fn current() -> Option<Staff> {
        session_staff().filter(|staff| staff.stage() == SessionStage::Complete)
    }

    /// The signed-in staff member, if their session is complete and their role has
    /// `capability`; refused otherwise.
    pub fn require(capability: Capability) -> Result<Staff, AppError> {
        require_at(capability, &[SessionStage::Complete])
    }

    /// As [`require`], for a step that sessions at `stages` may take (the 2FA code, enrolment).
    pub fn require_at(capability: Capability, stages: &[SessionStage]) -> Result<Staff, AppError> {
        let staff = session_staff().ok_or(AppError::Unauthorized)?;
        let stage = staff.stage();
        if !stages.contains(&stage) {
            tracing::warn!(user_id = %staff.user_id, ?stage, ?capability, "refused: session stage");
            // Without its second factor a session is not signed in; a member who still has to
            // set 2FA up is signed in but may do nothing else yet.
            return Err(match stage {
                SessionStage::NeedsCode => AppError::Unauthorized,
                SessionStage::NeedsEnrolment | SessionStage::Complete => AppError::Forbidden,
            });
        }
        if staff.role.can(capability) {
            Ok(staff)
        } else {
            tracing::warn!(user_id = %staff.user_id, role = %staff.role, ?capability, "refused: role lacks capability");
            Err(AppError::Forbidden)
        }
    }
}
