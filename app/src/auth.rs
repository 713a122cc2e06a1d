//! Who is asking, and may they: the one place server functions authorise (DESIGN §6).
//!
//! The server's session middleware resolves the session cookie and puts the [`Staff`] member
//! into the request; server functions call [`require`] with the capability they need before
//! doing anything else.

mod password_flow;
mod register;
mod session_cookie;
mod sign_in;
mod sign_out;
mod whoami;

pub use password_flow::{
    check_new_password, explain, register_with_password, sign_in_with_password, vault_wrap_key,
};
pub use register::{register_practice, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
pub use session_cookie::SessionCookie;
pub use sign_in::{sign_in, sign_in_parameters};
pub use sign_out::sign_out;
pub use whoami::{whoami, StaffProfile};

#[cfg(feature = "ssr")]
mod rate_limits;
#[cfg(feature = "ssr")]
mod request_context;

#[cfg(feature = "ssr")]
pub use request_context::{client_network, ClientNetwork, ServerSecret};
#[cfg(feature = "ssr")]
pub use server_side::{current, require, Staff};

#[cfg(feature = "ssr")]
mod server_side {
    use domain::{Capability, UserRole};
    use leptos::prelude::use_context;
    use uuid::Uuid;

    use crate::error::AppError;

    /// A signed-in staff member, as the session middleware found them.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Staff {
        pub practice_id: Uuid,
        pub user_id: Uuid,
        pub role: UserRole,
        pub email: String,
        pub two_factor_verified: bool,
        /// SHA-256 of the session token (to end or rotate this session).
        pub session_hash: [u8; 32],
    }

    /// The signed-in staff member of this request, if any.
    pub fn current() -> Option<Staff> {
        use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Staff>().cloned())
    }

    /// The signed-in staff member, if their role has `capability`; refused otherwise.
    pub fn require(capability: Capability) -> Result<Staff, AppError> {
        let staff = current().ok_or(AppError::Unauthorized)?;
        if staff.role.can(capability) {
            Ok(staff)
        } else {
            tracing::warn!(user_id = %staff.user_id, role = %staff.role, ?capability, "refused: role lacks capability");
            Err(AppError::Forbidden)
        }
    }
}
