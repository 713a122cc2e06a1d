//! The second sign-in step: a code from the authenticator app, or one of the recovery codes.
//! Only a session waiting for its code may call this; on success it gets a new id and may do
//! what its role allows.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "verify_two_factor")]
pub async fn verify_two_factor(code: String) -> Result<(), AppError> {
    server::verify(&code).await.map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use domain::{AuditAction, Capability};

    use super::super::check::{self, Accept, Checked, Factor};
    use crate::auth::{require_at, SessionStage};
    use crate::error::AppError;

    pub async fn verify(code: &str) -> Result<(), AppError> {
        let staff = require_at(Capability::ManageOwnAccount, &[SessionStage::NeedsCode])?;
        let pool = crate::error::db_pool()?;
        check::limit(&pool).await?;
        let mut tx = pool.begin().await?;
        let factor =
            match check::code(&mut tx, &staff, code, Accept::CodeOrRecovery, "sign_in").await? {
                Checked::Passed(factor) => factor,
                Checked::Refused(error) => {
                    tx.commit().await?;
                    return Err(error);
                }
            };
        db::staff::record_success(&mut tx, staff.practice_id, staff.user_id).await?;
        if factor == Factor::RecoveryCode {
            check::audit(
                &mut tx,
                &staff,
                AuditAction::TwoFactorRecoveryCodeUsed,
                serde_json::json!({ "purpose": "sign_in" }),
            )
            .await?;
        }
        check::audit(
            &mut tx,
            &staff,
            AuditAction::LoginSucceeded,
            serde_json::json!({ "second_factor": factor.as_str() }),
        )
        .await?;
        let token = check::rotate_verified(&mut tx, &staff).await?;
        tx.commit().await?;
        check::set_cookie(&token);
        Ok(())
    }
}
