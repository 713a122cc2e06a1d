//! Staff sign-in records: what the server needs to check a login key, and the failed-attempt
//! counters behind the per-account back-off.

use domain::{Email, UserRole};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::DbError;

/// Consecutive failures allowed before the account is locked for a while.
pub const FAILURES_BEFORE_LOCK: i32 = 5;
/// The longest lock, in minutes; locks double from one minute up to this.
pub const MAX_LOCK_MINUTES: i32 = 60;

#[derive(Debug, Clone)]
pub struct LoginRecord {
    pub practice_id: Uuid,
    pub user_id: Uuid,
    pub role: UserRole,
    /// Argon2id PHC string of the login key; `None` for accounts that sign in only with OpenID.
    pub password_hash: Option<String>,
    pub kdf_salt: Option<Vec<u8>>,
    pub kdf_memory_kib: Option<i32>,
    pub kdf_iterations: Option<i32>,
    /// Seconds until the account may try again; 0 when not locked.
    pub locked_for_secs: i64,
    /// The address was confirmed (by the verification mail, an invite or a reset link).
    pub email_verified: bool,
}

pub async fn login_record(
    conn: &mut PgConnection,
    email: &Email,
) -> Result<Option<LoginRecord>, DbError> {
    let row = sqlx::query!(
        r#"select practice_id, id, role as "role: UserRole", password_hash, kdf_salt, kdf_memory_kib, kdf_iterations,
                  greatest(0, ceil(extract(epoch from locked_until - now())))::bigint as "locked_for_secs!",
                  email_verified_at is not null as "email_verified!"
           from "user" where email = $1 and removed_at is null"#,
        email.as_str()
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| LoginRecord {
        practice_id: r.practice_id,
        user_id: r.id,
        role: r.role,
        password_hash: r.password_hash,
        kdf_salt: r.kdf_salt,
        kdf_memory_kib: r.kdf_memory_kib,
        kdf_iterations: r.kdf_iterations,
        locked_for_secs: r.locked_for_secs,
        email_verified: r.email_verified,
    }))
}

/// Counts a failed attempt; from the fifth in a row the account locks for 1, 2, 4 … 60 minutes.
/// Returns the seconds the account is now locked for (0 if not locked).
pub async fn record_failure(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
) -> Result<i64, DbError> {
    let locked = sqlx::query_scalar!(
        r#"update "user"
           set failed_login_count = failed_login_count + 1,
               last_failed_login_at = now(),
               locked_until = case
                   when failed_login_count + 1 >= $3
                   then now() + make_interval(mins => least($4, power(2, failed_login_count + 1 - $3)::int))
                   else locked_until end
           where practice_id = $1 and id = $2
           returning greatest(0, ceil(extract(epoch from locked_until - now())))::bigint as "locked_for_secs!""#,
        practice_id,
        user_id,
        FAILURES_BEFORE_LOCK,
        MAX_LOCK_MINUTES,
    )
    .fetch_one(conn)
    .await?;
    Ok(locked)
}

/// A successful sign-in clears the failure counters.
pub async fn record_success(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
) -> Result<(), DbError> {
    sqlx::query!(
        r#"update "user" set failed_login_count = 0, locked_until = null where practice_id = $1 and id = $2"#,
        practice_id,
        user_id
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// A further staff member of an existing practice (team invites, the demo seed). The browser
/// derived the login key; `login_verifier_phc` is the server's Argon2id hash of it.
#[derive(Debug, Clone)]
pub struct NewMember<'a> {
    pub practice_id: Uuid,
    pub email: &'a Email,
    pub role: UserRole,
    pub login_verifier_phc: &'a str,
    pub kdf_salt: &'a [u8; 16],
    pub kdf_memory_kib: i32,
    pub kdf_iterations: i32,
    pub email_verified: bool,
}

pub async fn create_member(
    conn: &mut PgConnection,
    member: &NewMember<'_>,
) -> Result<Uuid, DbError> {
    let id = sqlx::query_scalar!(
        r#"insert into "user" (practice_id, email, role, password_hash, kdf_salt, kdf_memory_kib, kdf_iterations,
                               email_verified_at)
           values ($1, $2, $3, $4, $5, $6, $7, case when $8 then now() end)
           returning id"#,
        member.practice_id,
        member.email.as_str(),
        member.role as UserRole,
        member.login_verifier_phc,
        &member.kdf_salt[..],
        member.kdf_memory_kib,
        member.kdf_iterations,
        member.email_verified,
    )
    .fetch_one(conn)
    .await?;
    Ok(id)
}

pub async fn mark_email_verified(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
) -> Result<(), DbError> {
    sqlx::query!(
        r#"update "user" set email_verified_at = coalesce(email_verified_at, now()) where practice_id = $1 and id = $2"#,
        practice_id,
        user_id
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// A new password's server-side part and the member key pair made with it (password reset).
#[derive(Debug, Clone)]
pub struct NewCredentials<'a> {
    pub login_verifier_phc: &'a str,
    pub kdf_salt: &'a [u8; 16],
    pub kdf_memory_kib: i32,
    pub kdf_iterations: i32,
    pub public_key: &'a [u8; 32],
    pub wrapped_private_key: &'a str,
}

/// Sets new credentials after a password reset and removes the member's vault access (the old
/// wraps need the old password; shares were sealed to the old key pair). The lockout is
/// cleared and the address counts as confirmed (the reset link reached it). Returns the
/// member's address for the notice mail.
pub async fn reset_password(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
    new: &NewCredentials<'_>,
) -> Result<String, DbError> {
    let email = sqlx::query_scalar!(
        r#"update "user"
           set password_hash = $3, kdf_salt = $4, kdf_memory_kib = $5, kdf_iterations = $6,
               public_key = $7, wrapped_private_key = $8,
               failed_login_count = 0, last_failed_login_at = null, locked_until = null,
               email_verified_at = coalesce(email_verified_at, now())
           where practice_id = $1 and id = $2
           returning email"#,
        practice_id,
        user_id,
        new.login_verifier_phc,
        &new.kdf_salt[..],
        new.kdf_memory_kib,
        new.kdf_iterations,
        &new.public_key[..],
        new.wrapped_private_key,
    )
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query!(
        "delete from key_wrap where practice_id = $1 and user_id = $2 and kind in ('PASSWORD', 'SEALED_TO_MEMBER')",
        practice_id,
        user_id,
    )
    .execute(conn)
    .await?;
    Ok(email)
}
