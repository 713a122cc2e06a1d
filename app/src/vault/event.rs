//! The browser reports opening and locking the vault: both are audited, and opening gives the
//! session a new id (a session id seen before the unlock is worth nothing after it).

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "vault_event")]
pub async fn vault_event(unlocked: bool) -> Result<(), AppError> {
    server::record(unlocked)
        .await
        .map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use domain::AuditAction;
    use leptos::prelude::{expect_context, use_context};

    use crate::auth::{client_network, current, rate_limits, SessionCookie};
    use crate::error::AppError;

    pub async fn record(unlocked: bool) -> Result<(), AppError> {
        let staff = current().ok_or(AppError::Unauthorized)?;
        let pool = crate::error::db_pool()?;
        rate_limits::check_member(
            &pool,
            "vault_event",
            staff.user_id,
            rate_limits::VAULT_EVENT,
        )
        .await?;
        let mut tx = pool.begin().await?;
        let network = client_network();
        let action = if unlocked {
            AuditAction::VaultUnlocked
        } else {
            AuditAction::VaultLocked
        };
        db::audit::append(
            &mut tx,
            &db::audit::NewAuditEntry {
                practice_id: staff.practice_id,
                action,
                entity: Some(("user", staff.user_id)),
                actor_user_id: Some(staff.user_id),
                ip_truncated: network.as_deref(),
                metadata: serde_json::json!({}),
            },
        )
        .await?;
        let new_token = unlocked.then(crypto::Token::generate);
        if let Some(token) = &new_token {
            let rotated = db::session::rotate(
                &mut tx,
                &staff.session_hash,
                token.hash().as_bytes(),
                None,
                db::session::SessionPolicy::default(),
            )
            .await?;
            if !rotated {
                return Err(AppError::Unauthorized);
            }
        }
        tx.commit().await?;
        if let (Some(token), Some(response)) =
            (new_token, use_context::<leptos_axum::ResponseOptions>())
        {
            let cookie = expect_context::<SessionCookie>().set(token.to_text().as_str());
            if let Ok(value) = http::HeaderValue::from_str(&cookie) {
                response.append_header(http::header::SET_COOKIE, value);
            }
        }
        Ok(())
    }
}
