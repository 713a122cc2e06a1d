//! Registering a practice: the practice, its settings, its trial subscription and its first
//! ADMIN, with the audit entry, in the caller's transaction.

use domain::{AuditAction, Email, PracticeName};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::audit::{self, NewAuditEntry};
use crate::DbError;

/// Days a new practice may use the product before choosing a plan.
pub const TRIAL_DAYS: i32 = 14;

/// The first ADMIN's sign-in material. The browser derived a login key from the password with
/// these Argon2id parameters; the server keeps only a hash of that key.
#[derive(Debug, Clone)]
pub struct AdminCredentials<'a> {
    pub email: &'a Email,
    pub login_verifier_phc: &'a str,
    pub kdf_salt: &'a [u8; 16],
    pub kdf_memory_kib: i32,
    pub kdf_iterations: i32,
    pub locale: &'a str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Registered {
    pub practice_id: Uuid,
    pub admin_id: Uuid,
}

/// Why a registration did not happen.
#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    /// Somebody already signs in with this address. Callers must not reveal this to the
    /// requester (account enumeration); they tell the address's owner by mail instead.
    #[error("the email address is already registered")]
    EmailTaken,
    #[error(transparent)]
    Db(#[from] DbError),
}

#[tracing::instrument(skip_all)]
pub async fn register(
    conn: &mut PgConnection,
    name: &PracticeName,
    admin: &AdminCredentials<'_>,
    ip_truncated: Option<&str>,
) -> Result<Registered, RegisterError> {
    let practice_id = sqlx::query_scalar!(
        "insert into practice (name) values ($1) returning id",
        name.as_str()
    )
    .fetch_one(&mut *conn)
    .await
    .map_err(DbError::from)?;
    sqlx::query!(
        "insert into practice_settings (practice_id) values ($1)",
        practice_id
    )
    .execute(&mut *conn)
    .await
    .map_err(DbError::from)?;
    sqlx::query!(
        "insert into subscription (practice_id, plan, status, trial_ends_at)
         values ($1, 'FREE_TRIAL', 'TRIALING', now() + make_interval(days => $2))",
        practice_id,
        TRIAL_DAYS,
    )
    .execute(&mut *conn)
    .await
    .map_err(DbError::from)?;
    let admin_id = sqlx::query_scalar!(
        r#"insert into "user" (practice_id, email, role, password_hash, kdf_salt, kdf_memory_kib, kdf_iterations, locale)
           values ($1, $2, 'ADMIN', $3, $4, $5, $6, $7)
           returning id"#,
        practice_id,
        admin.email.as_str(),
        admin.login_verifier_phc,
        &admin.kdf_salt[..],
        admin.kdf_memory_kib,
        admin.kdf_iterations,
        admin.locale,
    )
    .fetch_one(&mut *conn)
    .await
    .map_err(|error| match &error {
        sqlx::Error::Database(e) if e.constraint() == Some("user_email_key") => RegisterError::EmailTaken,
        _ => RegisterError::Db(error.into()),
    })?;
    audit::append(
        conn,
        &NewAuditEntry {
            practice_id,
            action: AuditAction::PracticeRegistered,
            entity: Some(("practice", practice_id)),
            actor_user_id: Some(admin_id),
            ip_truncated,
            metadata: serde_json::json!({}),
        },
    )
    .await?;
    Ok(Registered {
        practice_id,
        admin_id,
    })
}

/// The version of the practice's current master key (raised by a rotation).
pub async fn current_pmk_version(
    conn: &mut sqlx::PgConnection,
    practice_id: uuid::Uuid,
) -> Result<i32, crate::DbError> {
    let version = sqlx::query_scalar!(
        "select current_pmk_version from practice where id = $1",
        practice_id
    )
    .fetch_one(conn)
    .await?;
    Ok(version)
}

/// The practice's display name (used in mail to invitees).
pub async fn name(
    conn: &mut sqlx::PgConnection,
    practice_id: uuid::Uuid,
) -> Result<String, crate::DbError> {
    let name = sqlx::query_scalar!("select name from practice where id = $1", practice_id)
        .fetch_one(conn)
        .await?;
    Ok(name)
}
