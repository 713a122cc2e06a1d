//! Staff sessions in PostgreSQL, so any number of app servers can run (DESIGN §11).
//!
//! The cookie carries a 32-byte random token; the table stores only its SHA-256, so a leaked
//! database hands out no live session. A session ends after 30 minutes without a request or
//! 12 hours after sign-in, whichever comes first; deleting a user ends theirs at once
//! (foreign key cascade).

use std::time::Duration;

use domain::UserRole;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::DbError;

/// How long sessions live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    pub idle: Duration,
    pub absolute: Duration,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        Self {
            idle: Duration::from_mins(30),
            absolute: Duration::from_hours(12),
        }
    }
}

/// A live session and who it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionOwner {
    pub practice_id: Uuid,
    pub user_id: Uuid,
    pub role: UserRole,
    pub email: String,
    pub two_factor_verified: bool,
    /// The member has 2FA switched on (so this session needs a code until verified).
    pub two_factor_enabled: bool,
    /// The practice requires 2FA of every member.
    pub two_factor_required: bool,
}

fn seconds(duration: Duration) -> i64 {
    i64::try_from(duration.as_secs()).unwrap_or(i64::MAX)
}

/// Starts a session for a user (after a successful sign-in).
#[tracing::instrument(skip_all, fields(%practice_id, %user_id))]
pub async fn create(
    conn: &mut PgConnection,
    id_hash: &[u8; 32],
    practice_id: Uuid,
    user_id: Uuid,
    ip_truncated: Option<&str>,
    policy: SessionPolicy,
) -> Result<(), DbError> {
    sqlx::query!(
        "insert into session (id_hash, practice_id, user_id, expires_at, ip_truncated)
         values ($1, $2, $3, now() + $4::bigint * interval '1 second', $5)",
        &id_hash[..],
        practice_id,
        user_id,
        seconds(policy.absolute),
        ip_truncated,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Finds a live session and marks it used now; `None` when unknown, idle too long or expired.
#[tracing::instrument(skip_all)]
pub async fn touch(
    conn: &mut PgConnection,
    id_hash: &[u8; 32],
    policy: SessionPolicy,
) -> Result<Option<SessionOwner>, DbError> {
    let row = sqlx::query!(
        r#"
        with live as (
            update session set last_seen_at = now()
            where id_hash = $1
              and expires_at > now()
              and last_seen_at > now() - $2::bigint * interval '1 second'
            returning practice_id, user_id, two_factor_verified
        )
        select live.practice_id, live.user_id, live.two_factor_verified, u.role as "role: UserRole", u.email,
               u.totp_enabled_at is not null as "two_factor_enabled!",
               coalesce(ps.require_two_factor, false) as "two_factor_required!"
        from live join "user" u on u.practice_id = live.practice_id and u.id = live.user_id
        left join practice_settings ps on ps.practice_id = live.practice_id
        "#,
        &id_hash[..],
        seconds(policy.idle),
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| SessionOwner {
        practice_id: r.practice_id,
        user_id: r.user_id,
        role: r.role,
        email: r.email,
        two_factor_verified: r.two_factor_verified,
        two_factor_enabled: r.two_factor_enabled,
        two_factor_required: r.two_factor_required,
    }))
}

/// Gives a live session a new id (on 2FA and vault unlock), keeping its absolute expiry, so a
/// session id seen before a privilege step is worthless after it. Returns false when the old
/// session is no longer live.
#[tracing::instrument(skip_all)]
pub async fn rotate(
    conn: &mut PgConnection,
    old_hash: &[u8; 32],
    new_hash: &[u8; 32],
    two_factor_verified: Option<bool>,
    policy: SessionPolicy,
) -> Result<bool, DbError> {
    let rotated = sqlx::query!(
        "update session
         set id_hash = $2, two_factor_verified = coalesce($3, two_factor_verified), last_seen_at = now()
         where id_hash = $1
           and expires_at > now()
           and last_seen_at > now() - $4::bigint * interval '1 second'",
        &old_hash[..],
        &new_hash[..],
        two_factor_verified,
        seconds(policy.idle),
    )
    .execute(conn)
    .await?;
    Ok(rotated.rows_affected() == 1)
}

/// Ends one session (sign-out).
pub async fn end(conn: &mut PgConnection, id_hash: &[u8; 32]) -> Result<bool, DbError> {
    let ended = sqlx::query!("delete from session where id_hash = $1", &id_hash[..])
        .execute(conn)
        .await?;
    Ok(ended.rows_affected() == 1)
}

/// Ends every session of a user ("sign out everywhere", password reset, role change).
#[tracing::instrument(skip_all, fields(%practice_id, %user_id))]
pub async fn end_all_for_user(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
) -> Result<u64, DbError> {
    let ended = sqlx::query!(
        "delete from session where practice_id = $1 and user_id = $2",
        practice_id,
        user_id
    )
    .execute(conn)
    .await?;
    Ok(ended.rows_affected())
}

/// Deletes sessions that can no longer be used (run by the scheduler).
pub async fn purge_dead(conn: &mut PgConnection, policy: SessionPolicy) -> Result<u64, DbError> {
    let purged = sqlx::query!(
        "delete from session where expires_at <= now() or last_seen_at <= now() - $1::bigint * interval '1 second'",
        seconds(policy.idle),
    )
    .execute(conn)
    .await?;
    Ok(purged.rows_affected())
}
