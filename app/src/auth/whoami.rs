//! Who is signed in, for the staff shell.

use domain::UserRole;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What the staff shell needs to know about the signed-in member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffProfile {
    pub role: UserRole,
    /// The member's own address (to derive the vault key again on unlock).
    pub email: String,
    /// Practice and member ids, which the vault keys are bound to.
    pub practice_id: String,
    pub user_id: String,
    pub two_factor_verified: bool,
    /// What the session may do yet (a 2FA code or enrolment may still be needed).
    pub stage: crate::auth::SessionStage,
}

/// The signed-in member, or `None` when signed out (not an error: the shell then offers
/// sign-in). Answers at every session stage, so the shell can show the 2FA step.
// Server functions are async by contract even when this one needs no await.
#[allow(clippy::unused_async)]
#[server(endpoint = "whoami")]
pub async fn whoami() -> Result<Option<StaffProfile>, AppError> {
    Ok(crate::auth::session_staff().map(|staff| StaffProfile {
        stage: staff.stage(),
        role: staff.role,
        email: staff.email,
        practice_id: staff.practice_id.to_string(),
        user_id: staff.user_id.to_string(),
        two_factor_verified: staff.two_factor_verified,
    }))
}
