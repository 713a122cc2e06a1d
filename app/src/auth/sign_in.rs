//! Signing in with a password that never leaves the browser.
//!
//! 1. `sign_in_parameters(email)` gives the browser the Argon2id salt and parameters of that
//!    account (or stable decoy ones for an unknown address, so the answer reveals nothing).
//! 2. The browser derives the login key and the vault wrap key from the password (crypto crate,
//!    in WASM) and sends only the login key to `sign_in`.
//! 3. The server checks it against its Argon2id hash, with the per-account back-off, and starts
//!    a session (new id, `HttpOnly`, `SameSite=Strict`, `__Host-` over https).
//! 4. If the member uses two-factor sign-in, that session can do nothing until a code is given
//!    (`verify_two_factor`, `auth/two_factor/`); the answer's `stage` says so.

use leptos::prelude::*;

use crate::auth::StaffProfile;
use crate::error::AppError;

#[server(endpoint = "sign_in_parameters")]
pub async fn sign_in_parameters(email: String) -> Result<String, AppError> {
    server::parameters(&email)
        .await
        .map_err(crate::error::answered)
}

#[server(endpoint = "sign_in")]
pub async fn sign_in(email: String, login_key: String) -> Result<StaffProfile, AppError> {
    server::sign_in(&email, &login_key)
        .await
        .map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use std::sync::LazyLock;

    use crypto::{KdfParams, LoginKey, LoginVerifier};
    use domain::{AuditAction, Email};
    use leptos::prelude::{expect_context, use_context};

    use crate::auth::{
        client_network, rate_limits, ServerSecret, SessionCookie, SessionStage, StaffProfile,
    };
    use crate::error::AppError;

    /// One message for every wrong combination, so it says nothing about which part was wrong.
    const WRONG: &str = "E-Mail-Adresse oder Passwort stimmen nicht.";
    const UNVERIFIED: &str = "Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse: Wir haben Ihnen einen Link geschickt. Kein Postfach-Eingang? Sehen Sie im Spam-Ordner nach oder melden Sie sich in einer Minute erneut an.";

    fn email(input: &str) -> Result<Email, AppError> {
        Email::parse(input).map_err(|e| AppError::Validation(e.to_string()))
    }

    pub async fn parameters(input: &str) -> Result<String, AppError> {
        let email = email(input)?;
        let pool = crate::error::db_pool()?;
        rate_limits::check(&pool, "sign_in_parameters", rate_limits::SIGN_IN_PARAMETERS).await?;
        let mut conn = pool.acquire().await?;
        let record = db::staff::login_record(&mut conn, &email).await?;
        let real = record.and_then(|r| {
            let salt: [u8; 16] = r.kdf_salt?.try_into().ok()?;
            KdfParams::new(
                u32::try_from(r.kdf_memory_kib?).ok()?,
                u32::try_from(r.kdf_iterations?).ok()?,
                1,
                salt,
            )
            .ok()
        });
        let secret = expect_context::<ServerSecret>();
        Ok(real
            .unwrap_or_else(|| KdfParams::decoy(&secret.0, email.as_str()))
            .to_text())
    }

    /// Checked for unknown addresses too, so both paths take the same time.
    static DECOY_VERIFIER: LazyLock<LoginVerifier> = LazyLock::new(|| {
        let key = LoginKey::from_text("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
            .unwrap_or_else(|_| unreachable!("32 zero bytes"));
        LoginVerifier::create(&key)
    });

    async fn verify(stored: Option<String>, login_key: LoginKey) -> Result<bool, AppError> {
        tokio::task::spawn_blocking(move || {
            let real = stored.is_some();
            let verifier =
                stored.map_or_else(|| DECOY_VERIFIER.clone(), LoginVerifier::from_stored);
            verifier.verify(&login_key).map(|ok| ok && real)
        })
        .await
        .map_err(|_| AppError::Internal)?
        .map_err(|error| {
            tracing::error!(%error, "stored login verifier is unreadable");
            AppError::Internal
        })
    }

    /// How far a session started by the right password gets (the 2FA state of the account).
    async fn stage_after_password(
        conn: &mut db::PgConnection,
        record: &db::staff::LoginRecord,
    ) -> Result<SessionStage, AppError> {
        let state = db::two_factor::state(conn, record.practice_id, record.user_id).await?;
        Ok(state.map_or(SessionStage::Complete, |s| {
            SessionStage::of(s.enabled, s.required_by_practice, false)
        }))
    }

    pub async fn sign_in(email_input: &str, login_key: &str) -> Result<StaffProfile, AppError> {
        let email = email(email_input)?;
        let login_key =
            LoginKey::from_text(login_key).map_err(|_| AppError::Validation(WRONG.to_owned()))?;
        let pool = crate::error::db_pool()?;
        rate_limits::check(&pool, "sign_in", rate_limits::SIGN_IN).await?;
        // Read on a short-lived connection: none is held during the slow Argon2 check.
        let record = {
            let mut conn = pool.acquire().await?;
            db::staff::login_record(&mut conn, &email).await?
        };
        if let Some(locked) = record
            .as_ref()
            .map(|r| r.locked_for_secs)
            .filter(|s| *s > 0)
        {
            return Err(AppError::RateLimited {
                retry_after_secs: locked.unsigned_abs(),
            });
        }
        let ok = verify(
            record.as_ref().and_then(|r| r.password_hash.clone()),
            login_key,
        )
        .await?;
        let Some(record) = record else {
            return Err(AppError::Validation(WRONG.to_owned()));
        };
        let mut tx = pool.begin().await?;
        let network = client_network();
        let audit = |action| db::audit::NewAuditEntry {
            practice_id: record.practice_id,
            action,
            entity: Some(("user", record.user_id)),
            actor_user_id: Some(record.user_id),
            ip_truncated: network.as_deref(),
            metadata: serde_json::json!({}),
        };
        if !ok {
            let locked =
                db::staff::record_failure(&mut tx, record.practice_id, record.user_id).await?;
            db::audit::append(&mut tx, &audit(AuditAction::LoginFailed)).await?;
            if locked > 0 {
                db::audit::append(&mut tx, &audit(AuditAction::AccountLockedOut)).await?;
            }
            tx.commit().await?;
            return Err(if locked > 0 {
                AppError::RateLimited {
                    retry_after_secs: locked.unsigned_abs(),
                }
            } else {
                AppError::Validation(WRONG.to_owned())
            });
        }
        if !record.email_verified {
            // The right password for an unconfirmed address: send the link again (at most once
            // a minute) instead of a session.
            let owner = db::token::TokenOwner {
                practice_id: record.practice_id,
                user_id: record.user_id,
            };
            let purpose = db::token::Purpose::EmailVerification;
            if !db::token::issued_within(&mut tx, owner, purpose, 60).await? {
                let locale = crate::mail::request_locale();
                crate::auth::verify_email::send_link(&mut tx, owner, &email, locale).await?;
            }
            tx.commit().await?;
            crate::mail::wake();
            return Err(AppError::Conflict(UNVERIFIED.to_owned()));
        }
        // With 2FA on, the password is only the first step: the session waits for the code
        // (`verify_two_factor`), and the failure count stays until the code is right, so
        // guessing codes between right passwords still runs into the back-off.
        let stage = stage_after_password(&mut tx, &record).await?;
        if stage != SessionStage::NeedsCode {
            db::staff::record_success(&mut tx, record.practice_id, record.user_id).await?;
            db::audit::append(&mut tx, &audit(AuditAction::LoginSucceeded)).await?;
        }
        let token = crypto::Token::generate();
        let policy = db::session::SessionPolicy::default();
        db::session::create(
            &mut tx,
            token.hash().as_bytes(),
            record.practice_id,
            record.user_id,
            network.as_deref(),
            policy,
        )
        .await?;
        tx.commit().await?;

        let cookie = expect_context::<SessionCookie>().set(token.to_text().as_str());
        if let (Some(response), Ok(value)) = (
            use_context::<leptos_axum::ResponseOptions>(),
            http::HeaderValue::from_str(&cookie),
        ) {
            response.append_header(http::header::SET_COOKIE, value);
        }
        Ok(StaffProfile {
            role: record.role,
            email: email.as_str().to_owned(),
            practice_id: record.practice_id.to_string(),
            user_id: record.user_id.to_string(),
            two_factor_verified: false,
            stage,
        })
    }
}
