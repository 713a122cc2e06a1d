//! Switching 2FA off, with a current code or a recovery code (the phone may be lost). The
//! secret and all recovery codes are deleted. Where the practice requires 2FA, the member is
//! sent to enrolment again by the session check.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "disable_two_factor")]
pub async fn disable_two_factor(code: String) -> Result<(), AppError> {
    server::disable(&code).await.map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use domain::{AuditAction, Capability};

    use super::super::check::{self, Accept, Checked, Factor};
    use crate::auth::require;
    use crate::error::AppError;

    pub async fn disable(code: &str) -> Result<(), AppError> {
        let staff = require(Capability::ManageOwnAccount)?;
        let pool = crate::error::db_pool()?;
        check::limit(&pool).await?;
        let mut tx = pool.begin().await?;
        let factor =
            match check::code(&mut tx, &staff, code, Accept::CodeOrRecovery, "disable").await? {
                Checked::Passed(factor) => factor,
                Checked::Refused(error) => {
                    tx.commit().await?;
                    return Err(error);
                }
            };
        if factor == Factor::RecoveryCode {
            check::audit(
                &mut tx,
                &staff,
                AuditAction::TwoFactorRecoveryCodeUsed,
                serde_json::json!({ "purpose": "disable" }),
            )
            .await?;
        }
        if !db::two_factor::disable(&mut tx, staff.practice_id, staff.user_id).await? {
            return Err(AppError::Conflict(check::NOT_ENABLED.to_owned()));
        }
        db::staff::record_success(&mut tx, staff.practice_id, staff.user_id).await?;
        check::audit(
            &mut tx,
            &staff,
            AuditAction::TwoFactorDisabled,
            serde_json::json!({}),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
