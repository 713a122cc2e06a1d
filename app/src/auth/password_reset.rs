//! Password reset by mail. The link restores the login only: the vault copy under the old
//! password cannot be opened without it, so it is deleted together with the member's old key
//! pair, and a colleague (or the recovery code) shares the vault again (docs/crypto.md §9.5).
//!
//! Asking for a link answers the same for every address, and the token travels in the link's
//! fragment, never in a request line.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// How long a reset link works.
#[cfg(feature = "ssr")]
pub const VALID_FOR_SECS: u32 = 60 * 60;

/// Whose password a valid reset link sets (the ids bind the new key wraps to the account).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResetAccount {
    pub practice_id: String,
    pub user_id: String,
}

#[server(endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    server::request(&email)
        .await
        .map_err(crate::error::answered)
}

#[server(endpoint = "reset_target")]
pub async fn reset_target(token: String) -> Result<ResetAccount, AppError> {
    server::target(&token).await.map_err(crate::error::answered)
}

#[server(endpoint = "reset_password")]
pub async fn reset_password(
    token: String,
    kdf_params: String,
    login_key: String,
    member_public_key: String,
    member_wrapped_private_key: String,
) -> Result<(), AppError> {
    server::reset(&server::NewPassword {
        token,
        kdf_params,
        login_key,
        member_public_key,
        member_wrapped_private_key,
    })
    .await
    .map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use crypto::{
        KdfParams, LoginKey, LoginVerifier, MemberPublicKey, PasswordWrapEnvelope, Token,
    };
    use domain::{AuditAction, Email};

    use super::ResetAccount;
    use crate::auth::{client_network, rate_limits};
    use crate::error::AppError;
    use crate::mail::{self, Mail};

    const INVALID: &str =
        "Dieser Link ist ungültig, abgelaufen oder schon benutzt. Fordern Sie einen neuen an.";

    pub struct NewPassword {
        pub token: String,
        pub kdf_params: String,
        pub login_key: String,
        pub member_public_key: String,
        pub member_wrapped_private_key: String,
    }

    fn invalid() -> AppError {
        AppError::Validation(INVALID.to_owned())
    }

    fn token(text: &str) -> Result<Token, AppError> {
        Token::from_text(text.trim()).map_err(|_| invalid())
    }

    pub async fn request(input: &str) -> Result<(), AppError> {
        let email = Email::parse(input).map_err(|e| AppError::Validation(e.to_string()))?;
        let pool = crate::error::db_pool()?;
        rate_limits::check(&pool, "password_reset", rate_limits::PASSWORD_RESET).await?;
        let mut tx = pool.begin().await?;
        let Some(record) = db::staff::login_record(&mut tx, &email).await? else {
            // Same answer as for a known address; nothing is sent.
            return Ok(());
        };
        let owner = db::token::TokenOwner {
            practice_id: record.practice_id,
            user_id: record.user_id,
        };
        let purpose = db::token::Purpose::PasswordReset;
        // One mail a minute per account at most, so nobody can flood a colleague's inbox.
        if db::token::issued_within(&mut tx, owner, purpose, 60).await? {
            return Ok(());
        }
        let token = Token::generate();
        db::token::issue(
            &mut tx,
            owner,
            purpose,
            token.hash().as_bytes(),
            super::VALID_FOR_SECS,
        )
        .await?;
        let link = mail::link("/reset-password", Some(token.to_text().as_str()));
        let locale = mail::request_locale();
        mail::queue(
            &mut tx,
            Some(owner.practice_id),
            &email,
            &Mail::PasswordReset { link },
            locale,
        )
        .await?;
        let network = client_network();
        db::audit::append(
            &mut tx,
            &db::audit::NewAuditEntry {
                practice_id: owner.practice_id,
                action: AuditAction::PasswordResetRequested,
                entity: Some(("user", owner.user_id)),
                actor_user_id: None,
                ip_truncated: network.as_deref(),
                metadata: serde_json::json!({}),
            },
        )
        .await?;
        tx.commit().await?;
        mail::wake();
        Ok(())
    }

    pub async fn target(text: &str) -> Result<ResetAccount, AppError> {
        let token = token(text)?;
        let pool = crate::error::db_pool()?;
        rate_limits::check(&pool, "redeem_link", rate_limits::REDEEM_LINK).await?;
        let mut conn = pool.acquire().await?;
        let owner = db::token::peek(
            &mut conn,
            db::token::Purpose::PasswordReset,
            token.hash().as_bytes(),
        )
        .await?
        .ok_or_else(invalid)?;
        Ok(ResetAccount {
            practice_id: owner.practice_id.to_string(),
            user_id: owner.user_id.to_string(),
        })
    }

    pub async fn reset(input: &NewPassword) -> Result<(), AppError> {
        let token = token(&input.token)?;
        let params = KdfParams::from_text(&input.kdf_params)
            .map_err(|e| AppError::Validation(e.to_string()))?;
        if params.parallelism() != 1 {
            return Err(AppError::Validation(
                "Argon2id parallelism must be 1".to_owned(),
            ));
        }
        let login_key = LoginKey::from_text(&input.login_key)
            .map_err(|e| AppError::Validation(e.to_string()))?;
        let public_key = MemberPublicKey::from_text(&input.member_public_key)
            .map_err(|e| AppError::Validation(e.to_string()))?;
        // The server cannot open it, but it can refuse anything that is not a member-key wrap.
        let wrapped = PasswordWrapEnvelope::from_text(&input.member_wrapped_private_key)
            .map_err(|e| AppError::Validation(e.to_string()))?;
        if wrapped.wrapped_key().0 != crypto::KeyType::MemberKey {
            return Err(AppError::Validation(
                "the wrapped key is not a member key".to_owned(),
            ));
        }
        // Wrapped with the new password's parameters, or it could never be opened again.
        if wrapped.kdf_params().ok().as_ref() != Some(&params) {
            return Err(AppError::Validation(
                "the member key wrap does not use the new key-derivation parameters".to_owned(),
            ));
        }
        let pool = crate::error::db_pool()?;
        rate_limits::check(&pool, "redeem_link", rate_limits::REDEEM_LINK).await?;
        let verifier = tokio::task::spawn_blocking(move || LoginVerifier::create(&login_key))
            .await
            .map_err(|_| AppError::Internal)?;
        let to_i32 = |n: u32| {
            i32::try_from(n)
                .map_err(|_| AppError::Validation("KDF parameters out of range".to_owned()))
        };
        let mut tx = pool.begin().await?;
        let owner = db::token::redeem(
            &mut tx,
            db::token::Purpose::PasswordReset,
            token.hash().as_bytes(),
        )
        .await?
        .ok_or_else(invalid)?;
        let email = db::staff::reset_password(
            &mut tx,
            owner.practice_id,
            owner.user_id,
            &db::staff::NewCredentials {
                login_verifier_phc: verifier.as_str(),
                kdf_salt: params.salt(),
                kdf_memory_kib: to_i32(params.memory_kib())?,
                kdf_iterations: to_i32(params.iterations())?,
                public_key: public_key.as_raw(),
                wrapped_private_key: &input.member_wrapped_private_key,
            },
        )
        .await?;
        db::session::end_all_for_user(&mut tx, owner.practice_id, owner.user_id).await?;
        let network = client_network();
        db::audit::append(
            &mut tx,
            &db::audit::NewAuditEntry {
                practice_id: owner.practice_id,
                action: AuditAction::PasswordReset,
                entity: Some(("user", owner.user_id)),
                actor_user_id: Some(owner.user_id),
                ip_truncated: network.as_deref(),
                metadata: serde_json::json!({ "vault_access_removed": true }),
            },
        )
        .await?;
        if let Ok(email) = Email::parse(&email) {
            let reset = mail::link("/forgot-password", None);
            let locale = mail::request_locale();
            mail::queue(
                &mut tx,
                Some(owner.practice_id),
                &email,
                &Mail::PasswordChanged { reset },
                locale,
            )
            .await?;
        }
        tx.commit().await?;
        mail::wake();
        Ok(())
    }
}
