//! Signing out everywhere ends every session of the member — this browser's and any other, a
//! forgotten practice PC or a lost phone — audited in the same transaction, and clears the
//! cookie here.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "sign_out_everywhere")]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    server::end_all().await.map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use domain::{AuditAction, Capability};

    use crate::auth::{client_network, require};
    use crate::error::AppError;

    pub async fn end_all() -> Result<(), AppError> {
        // A complete session only: one still waiting for its 2FA code must not end the
        // sessions of the member who has the second factor (plain sign-out ends it).
        let staff = require(Capability::ManageOwnAccount)?;
        let pool = crate::error::db_pool()?;
        let mut tx = pool.begin().await?;
        let ended =
            db::session::end_all_for_user(&mut tx, staff.practice_id, staff.user_id).await?;
        let network = client_network();
        db::audit::append(
            &mut tx,
            &db::audit::NewAuditEntry {
                practice_id: staff.practice_id,
                action: AuditAction::LoggedOutEverywhere,
                entity: Some(("user", staff.user_id)),
                actor_user_id: Some(staff.user_id),
                ip_truncated: network.as_deref(),
                metadata: serde_json::json!({ "sessions_ended": ended }),
            },
        )
        .await?;
        tx.commit().await?;
        crate::auth::sign_out::clear_session_cookie();
        Ok(())
    }
}
