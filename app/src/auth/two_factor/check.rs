//! Server-side pieces shared by the two-factor functions: checking a typed code (with the
//! back-off and replay guard), sealing keys, session rotation and audit rows.

use std::time::{SystemTime, UNIX_EPOCH};

use crypto::{PracticeId, TotpSealKey, TotpSecret, TwoFactorRecoveryCode, UserId};
use domain::AuditAction;
use leptos::prelude::use_context;

use crate::auth::{client_network, rate_limits, ServerSecret, SessionCookie, Staff};
use crate::error::AppError;

pub const WRONG_CODE: &str =
    "Der Code stimmt nicht. Bitte geben Sie den aktuellen Code aus Ihrer Authenticator-App ein.";
pub const NOT_ENABLED: &str = "Die Zwei-Faktor-Anmeldung ist für Ihr Konto nicht eingerichtet.";
pub const ALREADY_ENABLED: &str = "Die Zwei-Faktor-Anmeldung ist bereits eingerichtet.";

/// Recovery codes made at enrolment and on renewal.
pub const RECOVERY_CODES: usize = 10;

/// What proved the second factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Factor {
    Totp,
    RecoveryCode,
}

impl Factor {
    pub const fn as_str(self) -> &'static str {
        match self {
            Factor::Totp => "totp",
            Factor::RecoveryCode => "recovery_code",
        }
    }
}

/// Which codes a step takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accept {
    /// A code of the enabled authenticator, or a recovery code.
    CodeOrRecovery,
    /// Only a code of the enabled authenticator.
    Code,
    /// Only a code of the authenticator being set up.
    EnrolmentCode,
}

/// The outcome of a check. A refusal has been counted in the caller's transaction, which the
/// caller commits (so the count stays) before returning the error.
pub enum Checked {
    Passed(Factor),
    Refused(AppError),
}

/// The per-network limit; call before opening the transaction.
pub async fn limit(pool: &db::PgPool) -> Result<(), AppError> {
    rate_limits::check(pool, "two_factor", rate_limits::TWO_FACTOR).await
}

pub fn seal_key() -> Result<TotpSealKey, AppError> {
    let secret = use_context::<ServerSecret>().ok_or_else(|| {
        tracing::error!("no server secret in the server function context");
        AppError::Internal
    })?;
    Ok(TotpSealKey::derive(&secret.0))
}

pub fn ids(staff: &Staff) -> (PracticeId, UserId) {
    (
        PracticeId::from_bytes(*staff.practice_id.as_bytes()),
        UserId::from_bytes(*staff.user_id.as_bytes()),
    )
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Checks `typed` for `staff`; `purpose` goes into the audit row of a failure.
pub async fn code(
    conn: &mut db::PgConnection,
    staff: &Staff,
    typed: &str,
    accept: Accept,
    purpose: &'static str,
) -> Result<Checked, AppError> {
    let state = db::two_factor::state(conn, staff.practice_id, staff.user_id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    if state.locked_for_secs > 0 {
        return Ok(Checked::Refused(AppError::RateLimited {
            retry_after_secs: state.locked_for_secs.unsigned_abs(),
        }));
    }
    let enrolling = accept == Accept::EnrolmentCode;
    if state.enabled == enrolling {
        return Err(AppError::Conflict(
            if enrolling {
                ALREADY_ENABLED
            } else {
                NOT_ENABLED
            }
            .to_owned(),
        ));
    }
    let recovery = (accept == Accept::CodeOrRecovery)
        .then(|| TwoFactorRecoveryCode::parse(typed))
        .flatten();
    let passed = if let Some(recovery) = recovery {
        db::two_factor::use_recovery_code(
            conn,
            staff.practice_id,
            staff.user_id,
            recovery.hash().as_bytes(),
        )
        .await?
        .then_some(Factor::RecoveryCode)
    } else {
        totp(conn, staff, &state, typed).await?
    };
    if let Some(factor) = passed {
        return Ok(Checked::Passed(factor));
    }
    let locked = db::staff::record_failure(conn, staff.practice_id, staff.user_id).await?;
    let metadata = serde_json::json!({ "second_factor": true, "purpose": purpose });
    audit(conn, staff, AuditAction::LoginFailed, metadata.clone()).await?;
    if locked > 0 {
        audit(conn, staff, AuditAction::AccountLockedOut, metadata).await?;
        return Ok(Checked::Refused(AppError::RateLimited {
            retry_after_secs: locked.unsigned_abs(),
        }));
    }
    Ok(Checked::Refused(AppError::Validation(
        WRONG_CODE.to_owned(),
    )))
}

async fn totp(
    conn: &mut db::PgConnection,
    staff: &Staff,
    state: &db::two_factor::TwoFactorState,
    typed: &str,
) -> Result<Option<Factor>, AppError> {
    let Some(sealed) = state.sealed_secret.as_deref() else {
        return Err(AppError::Conflict(NOT_ENABLED.to_owned()));
    };
    let (practice, user) = ids(staff);
    let secret = TotpSecret::open(sealed, &seal_key()?, practice, user).map_err(|_| {
        // Only a changed DERMA_SERVER_SECRET (or a damaged row) gets here; recovery codes
        // still work, because they do not depend on it.
        tracing::error!(user_id = %staff.user_id, "stored TOTP secret does not open");
        AppError::Internal
    })?;
    let last_step = state.last_step.and_then(|s| u64::try_from(s).ok());
    let Some(step) = secret.verify(typed, now_secs(), last_step) else {
        return Ok(None);
    };
    let step = i64::try_from(step).map_err(|_| AppError::Internal)?;
    // Atomic: of two requests racing with one code, only one passes.
    let fresh = db::two_factor::accept_step(conn, staff.practice_id, staff.user_id, step).await?;
    Ok(fresh.then_some(Factor::Totp))
}

/// Appends an audit row about `staff`'s own account (ids and `metadata` only).
pub async fn audit(
    conn: &mut db::PgConnection,
    staff: &Staff,
    action: AuditAction,
    metadata: serde_json::Value,
) -> Result<(), AppError> {
    let network = client_network();
    db::audit::append(
        conn,
        &db::audit::NewAuditEntry {
            practice_id: staff.practice_id,
            action,
            entity: Some(("user", staff.user_id)),
            actor_user_id: Some(staff.user_id),
            ip_truncated: network.as_deref(),
            metadata,
        },
    )
    .await?;
    Ok(())
}

/// Gives this session a new id and marks its second factor as given; the caller sends the
/// new cookie with [`set_cookie`] after committing.
pub async fn rotate_verified(
    conn: &mut db::PgConnection,
    staff: &Staff,
) -> Result<crypto::Token, AppError> {
    let token = crypto::Token::generate();
    let rotated = db::session::rotate(
        conn,
        &staff.session_hash,
        token.hash().as_bytes(),
        Some(true),
        db::session::SessionPolicy::default(),
    )
    .await?;
    if rotated {
        Ok(token)
    } else {
        Err(AppError::Unauthorized)
    }
}

pub fn set_cookie(token: &crypto::Token) {
    let (Some(cookie), Some(response)) = (
        use_context::<SessionCookie>(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    if let Ok(value) = http::HeaderValue::from_str(&cookie.set(token.to_text().as_str())) {
        response.append_header(http::header::SET_COOKIE, value);
    }
}

/// Ten fresh recovery codes: the printable texts (shown once) and their hashes (stored).
pub fn new_recovery_codes() -> (Vec<String>, Vec<[u8; 32]>) {
    (0..RECOVERY_CODES)
        .map(|_| {
            let code = TwoFactorRecoveryCode::generate();
            (code.to_printable().to_string(), *code.hash().as_bytes())
        })
        .unzip()
}
