//! An ADMIN requires 2FA of the whole practice (or no longer). Members without it are then
//! sent to enrolment by the session check and can do nothing else until they have it.

use leptos::prelude::*;

use crate::error::AppError;

/// Returns the requirement as it now stands.
#[server(endpoint = "set_two_factor_requirement")]
pub async fn set_two_factor_requirement(required: bool) -> Result<bool, AppError> {
    server::set(required).await.map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use domain::{AuditAction, Capability};

    use crate::auth::require;
    use crate::error::AppError;

    /// An ADMIN who switches the requirement on without 2FA of their own would lock
    /// themselves into enrolment mid-click; they set theirs up first.
    const OWN_FIRST: &str = "Bitte richten Sie zuerst Ihre eigene Zwei-Faktor-Anmeldung ein.";

    pub async fn set(required: bool) -> Result<bool, AppError> {
        let staff = require(Capability::ManagePracticeSettings)?;
        let pool = crate::error::db_pool()?;
        let mut tx = pool.begin().await?;
        if required && !staff.two_factor_enabled {
            return Err(AppError::Conflict(OWN_FIRST.to_owned()));
        }
        if db::two_factor::set_required(&mut tx, staff.practice_id, required).await? {
            db::audit::append(
                &mut tx,
                &db::audit::NewAuditEntry {
                    practice_id: staff.practice_id,
                    action: AuditAction::TwoFactorRequirementChanged,
                    entity: Some(("practice", staff.practice_id)),
                    actor_user_id: Some(staff.user_id),
                    ip_truncated: crate::auth::client_network().as_deref(),
                    metadata: serde_json::json!({ "required": required }),
                },
            )
            .await?;
        }
        tx.commit().await?;
        Ok(required)
    }
}
