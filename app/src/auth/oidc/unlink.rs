//! Disconnecting a provider account: from then on only the password signs the member in.

use domain::SignInProvider;
use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "unlink_sign_in_account")]
pub async fn unlink_sign_in_account(provider: SignInProvider) -> Result<(), AppError> {
    server::unlink(provider)
        .await
        .map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use domain::{AuditAction, Capability, SignInProvider};

    use crate::auth::{client_network, require};
    use crate::error::AppError;

    pub async fn unlink(provider: SignInProvider) -> Result<(), AppError> {
        let staff = require(Capability::ManageOwnAccount)?;
        let pool = crate::error::db_pool()?;
        let mut tx = pool.begin().await?;
        let member = db::oidc::Member {
            practice_id: staff.practice_id,
            user_id: staff.user_id,
        };
        if !db::oidc::unlink(&mut tx, member, provider).await? {
            return Err(AppError::NotFound);
        }
        let network = client_network();
        db::audit::append(
            &mut tx,
            &db::audit::NewAuditEntry {
                practice_id: staff.practice_id,
                action: AuditAction::SignInAccountUnlinked,
                entity: Some(("user", staff.user_id)),
                actor_user_id: Some(staff.user_id),
                ip_truncated: network.as_deref(),
                metadata: serde_json::json!({ "provider": provider.as_str() }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
