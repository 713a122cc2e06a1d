//! Staff withdraw a consent (DESIGN §5: REVOKED by the patient's link or by staff), for
//! example when the patient says so at the desk. A completed consent stays as it is.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "revoke_consent")]
pub async fn revoke_consent(consent_id: String) -> Result<(), AppError> {
    server::revoke(&consent_id)
        .await
        .map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use domain::{AuditAction, Capability, ConsentEvent, ConsentStatus, Fee};
    use uuid::Uuid;

    use crate::auth::require;
    use crate::error::AppError;

    pub async fn revoke(consent_id: &str) -> Result<(), AppError> {
        let staff = require(Capability::ManageConsentLinks)?;
        let id: Uuid = consent_id.parse().map_err(|_| AppError::NotFound)?;
        let pool = crate::error::db_pool()?;
        let mut tx = pool.begin().await?;
        let (status, fee_cents) = db::consent::status_for_update(&mut tx, staff.practice_id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if status == ConsentStatus::Revoked {
            return Ok(());
        }
        let fee = if fee_cents.is_some_and(|f| f > 0) {
            Fee::Due
        } else {
            Fee::None
        };
        status.after(ConsentEvent::Revoked, fee).map_err(|_| {
            AppError::Conflict(format!("a consent in status {status} cannot be withdrawn"))
        })?;
        db::consent::revoke(&mut tx, id, false).await?;
        staff
            .audit(
                &mut tx,
                AuditAction::ConsentRevoked,
                ("consent_form", id),
                serde_json::json!({ "by": "staff", "from": status.as_str() }),
            )
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
