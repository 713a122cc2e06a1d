//! Finishing enrolment with the first code: 2FA is on, ten recovery codes are made (shown
//! once, stored as SHA-256 only), and the session gets a new id, marked as verified.

use leptos::prelude::*;

use crate::error::AppError;

/// Returns the recovery codes, to be shown once.
#[server(endpoint = "confirm_two_factor")]
pub async fn confirm_two_factor(code: String) -> Result<Vec<String>, AppError> {
    server::confirm(&code).await.map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use domain::{AuditAction, Capability};

    use super::super::check::{self, Accept, Checked};
    use crate::auth::{require_at, SessionStage};
    use crate::error::AppError;

    pub async fn confirm(code: &str) -> Result<Vec<String>, AppError> {
        let staff = require_at(
            Capability::ManageOwnAccount,
            &[SessionStage::Complete, SessionStage::NeedsEnrolment],
        )?;
        let pool = crate::error::db_pool()?;
        check::limit(&pool).await?;
        let mut tx = pool.begin().await?;
        if let Checked::Refused(error) =
            check::code(&mut tx, &staff, code, Accept::EnrolmentCode, "enrol").await?
        {
            tx.commit().await?;
            return Err(error);
        }
        let (codes, hashes) = check::new_recovery_codes();
        if !db::two_factor::enable(&mut tx, staff.practice_id, staff.user_id, &hashes).await? {
            return Err(AppError::Conflict(check::ALREADY_ENABLED.to_owned()));
        }
        db::staff::record_success(&mut tx, staff.practice_id, staff.user_id).await?;
        check::audit(
            &mut tx,
            &staff,
            AuditAction::TwoFactorEnabled,
            serde_json::json!({}),
        )
        .await?;
        let token = check::rotate_verified(&mut tx, &staff).await?;
        tx.commit().await?;
        check::set_cookie(&token);
        Ok(codes)
    }
}
