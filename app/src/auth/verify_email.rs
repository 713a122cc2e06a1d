//! Confirming a staff member's email address with the link mailed at registration. The token
//! travels in the link's fragment, so it is never in a request line or an access log; the page
//! reads it in the browser and sends it here.

use leptos::prelude::*;

use crate::error::AppError;

/// How long a verification link works.
#[cfg(feature = "ssr")]
pub const VALID_FOR_SECS: u32 = 24 * 60 * 60;

#[server(endpoint = "verify_email")]
pub async fn verify_email(token: String) -> Result<(), AppError> {
    server::verify(&token).await.map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
pub(crate) use server::send_link;

#[cfg(feature = "ssr")]
mod server {
    use domain::{AuditAction, Email};

    use crate::auth::{client_network, rate_limits};
    use crate::error::AppError;
    use crate::i18n::Locale;
    use crate::mail::{self, Mail};

    const INVALID: &str = "Dieser Bestätigungslink ist ungültig, abgelaufen oder schon benutzt. Melden Sie sich an: Ist die Adresse noch nicht bestätigt, schicken wir Ihnen einen neuen Link.";

    /// Issues a fresh verification token (older links stop working) and queues its mail in
    /// the caller's transaction.
    pub async fn send_link(
        conn: &mut db::PgConnection,
        owner: db::token::TokenOwner,
        email: &Email,
        locale: Locale,
    ) -> Result<(), AppError> {
        let token = crypto::Token::generate();
        db::token::issue(
            conn,
            owner,
            db::token::Purpose::EmailVerification,
            token.hash().as_bytes(),
            super::VALID_FOR_SECS,
        )
        .await?;
        let link = mail::link("/verify-email", Some(token.to_text().as_str()));
        mail::queue(
            conn,
            Some(owner.practice_id),
            email,
            &Mail::VerifyEmail { link },
            locale,
        )
        .await
    }

    pub async fn verify(token: &str) -> Result<(), AppError> {
        let pool = crate::error::db_pool()?;
        rate_limits::check(&pool, "verify_email", rate_limits::VERIFY_EMAIL).await?;
        let token = crypto::Token::from_text(token.trim())
            .map_err(|_| AppError::Validation(INVALID.to_owned()))?;
        let mut tx = pool.begin().await?;
        let Some(owner) = db::token::redeem(
            &mut tx,
            db::token::Purpose::EmailVerification,
            token.hash().as_bytes(),
        )
        .await?
        else {
            return Err(AppError::Validation(INVALID.to_owned()));
        };
        db::staff::mark_email_verified(&mut tx, owner.practice_id, owner.user_id).await?;
        let network = client_network();
        db::audit::append(
            &mut tx,
            &db::audit::NewAuditEntry {
                practice_id: owner.practice_id,
                action: AuditAction::EmailVerified,
                entity: Some(("user", owner.user_id)),
                actor_user_id: Some(owner.user_id),
                ip_truncated: network.as_deref(),
                metadata: serde_json::json!({}),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
