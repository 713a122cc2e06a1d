//! Ten new recovery codes for the old ones (used or not), with a current authenticator code.

use leptos::prelude::*;

use crate::error::AppError;

/// Returns the new recovery codes, to be shown once.
#[server(endpoint = "renew_recovery_codes")]
pub async fn renew_recovery_codes(code: String) -> Result<Vec<String>, AppError> {
    server::renew(&code).await.map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use domain::{AuditAction, Capability};

    use super::super::check::{self, Accept, Checked};
    use crate::auth::require;
    use crate::error::AppError;

    pub async fn renew(code: &str) -> Result<Vec<String>, AppError> {
        let staff = require(Capability::ManageOwnAccount)?;
        let pool = crate::error::db_pool()?;
        check::limit(&pool).await?;
        let mut tx = pool.begin().await?;
        if let Checked::Refused(error) =
            check::code(&mut tx, &staff, code, Accept::Code, "renew_recovery_codes").await?
        {
            tx.commit().await?;
            return Err(error);
        }
        let (codes, hashes) = check::new_recovery_codes();
        db::two_factor::replace_recovery_codes(&mut tx, staff.practice_id, staff.user_id, &hashes)
            .await?;
        db::staff::record_success(&mut tx, staff.practice_id, staff.user_id).await?;
        check::audit(
            &mut tx,
            &staff,
            AuditAction::TwoFactorRecoveryCodesRenewed,
            serde_json::json!({}),
        )
        .await?;
        tx.commit().await?;
        Ok(codes)
    }
}
