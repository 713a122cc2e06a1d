//! Two-factor sign-in records of a staff member: the sealed TOTP secret (opened only by the
//! app with the deployment's key), the last accepted time step (replay guard), the one-time
//! recovery codes (SHA-256 only) and the practice-wide requirement.
//!
//! Enrolment has two states in `"user"`: a secret stored with `totp_enabled_at` null (started,
//! not yet proven with a code), and both set (enabled).

use sqlx::PgConnection;
use uuid::Uuid;

use crate::DbError;

/// What the app needs to decide about a member's second factor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TwoFactorState {
    /// The sealed TOTP secret (enrolment started or finished); opaque here.
    pub sealed_secret: Option<Vec<u8>>,
    pub enabled: bool,
    /// The last accepted TOTP time step.
    pub last_step: Option<i64>,
    /// Seconds until the account may try again (shared with the password back-off).
    pub locked_for_secs: i64,
    pub recovery_codes_left: i64,
    pub required_by_practice: bool,
    pub display_name: String,
}

#[tracing::instrument(skip_all, fields(%practice_id, %user_id))]
pub async fn state(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
) -> Result<Option<TwoFactorState>, DbError> {
    let row = sqlx::query!(
        r#"select u.totp_secret_encrypted, u.totp_enabled_at is not null as "enabled!", u.totp_last_step,
                  greatest(0, ceil(extract(epoch from u.locked_until - now())))::bigint as "locked_for_secs!",
                  (select count(*) from two_factor_recovery_code c
                   where c.practice_id = u.practice_id and c.user_id = u.id and c.used_at is null) as "recovery_codes_left!",
                  coalesce(ps.require_two_factor, false) as "required_by_practice!",
                  u.display_name
           from "user" u left join practice_settings ps on ps.practice_id = u.practice_id
           where u.practice_id = $1 and u.id = $2"#,
        practice_id,
        user_id
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| TwoFactorState {
        sealed_secret: r.totp_secret_encrypted,
        enabled: r.enabled,
        last_step: r.totp_last_step,
        locked_for_secs: r.locked_for_secs,
        recovery_codes_left: r.recovery_codes_left,
        required_by_practice: r.required_by_practice,
        display_name: r.display_name,
    }))
}

/// Stores a new secret for an enrolment that is about to be confirmed, replacing an earlier
/// unconfirmed one. Returns false (and changes nothing) when 2FA is already enabled.
#[tracing::instrument(skip_all, fields(%practice_id, %user_id))]
pub async fn start_enrolment(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
    sealed_secret: &[u8],
) -> Result<bool, DbError> {
    let started = sqlx::query!(
        r#"update "user" set totp_secret_encrypted = $3, totp_last_step = null
           where practice_id = $1 and id = $2 and totp_enabled_at is null"#,
        practice_id,
        user_id,
        sealed_secret
    )
    .execute(conn)
    .await?;
    Ok(started.rows_affected() == 1)
}

/// Records `step` as the last accepted one, unless a step at or after it was accepted already
/// (then the code is a replay and this returns false). Atomic, so two requests racing with the
/// same code cannot both pass.
#[tracing::instrument(skip_all, fields(%practice_id, %user_id))]
pub async fn accept_step(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
    step: i64,
) -> Result<bool, DbError> {
    let accepted = sqlx::query!(
        r#"update "user" set totp_last_step = $3
           where practice_id = $1 and id = $2 and (totp_last_step is null or totp_last_step < $3)"#,
        practice_id,
        user_id,
        step
    )
    .execute(conn)
    .await?;
    Ok(accepted.rows_affected() == 1)
}

/// Finishes an enrolment whose first code was accepted, with fresh recovery codes. Returns
/// false when there was no enrolment to finish.
#[tracing::instrument(skip_all, fields(%practice_id, %user_id))]
pub async fn enable(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
    recovery_code_hashes: &[[u8; 32]],
) -> Result<bool, DbError> {
    let enabled = sqlx::query!(
        r#"update "user" set totp_enabled_at = now()
           where practice_id = $1 and id = $2 and totp_enabled_at is null and totp_secret_encrypted is not null"#,
        practice_id,
        user_id
    )
    .execute(&mut *conn)
    .await?;
    if enabled.rows_affected() != 1 {
        return Ok(false);
    }
    replace_recovery_codes(conn, practice_id, user_id, recovery_code_hashes).await?;
    Ok(true)
}

/// Replaces all recovery codes of a member (used or not) with new ones.
#[tracing::instrument(skip_all, fields(%practice_id, %user_id))]
pub async fn replace_recovery_codes(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
    hashes: &[[u8; 32]],
) -> Result<(), DbError> {
    sqlx::query!(
        "delete from two_factor_recovery_code where practice_id = $1 and user_id = $2",
        practice_id,
        user_id
    )
    .execute(&mut *conn)
    .await?;
    let hashes: Vec<Vec<u8>> = hashes.iter().map(|h| h.to_vec()).collect();
    sqlx::query!(
        "insert into two_factor_recovery_code (practice_id, user_id, code_hash)
         select $1, $2, hash from unnest($3::bytea[]) as hash",
        practice_id,
        user_id,
        &hashes[..]
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Spends a recovery code of this member; false when it is unknown, of someone else, or used.
#[tracing::instrument(skip_all, fields(%practice_id, %user_id))]
pub async fn use_recovery_code(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
    hash: &[u8; 32],
) -> Result<bool, DbError> {
    let used = sqlx::query!(
        "update two_factor_recovery_code set used_at = now()
         where practice_id = $1 and user_id = $2 and code_hash = $3 and used_at is null",
        practice_id,
        user_id,
        &hash[..]
    )
    .execute(conn)
    .await?;
    Ok(used.rows_affected() == 1)
}

/// Switches 2FA off: the secret, the replay guard and every recovery code are deleted.
#[tracing::instrument(skip_all, fields(%practice_id, %user_id))]
pub async fn disable(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
) -> Result<bool, DbError> {
    let disabled = sqlx::query!(
        r#"update "user" set totp_secret_encrypted = null, totp_enabled_at = null, totp_last_step = null
           where practice_id = $1 and id = $2 and totp_enabled_at is not null"#,
        practice_id,
        user_id
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "delete from two_factor_recovery_code where practice_id = $1 and user_id = $2",
        practice_id,
        user_id
    )
    .execute(conn)
    .await?;
    Ok(disabled.rows_affected() == 1)
}

/// Sets whether every member of the practice must use 2FA; returns whether it changed.
#[tracing::instrument(skip_all, fields(%practice_id, required))]
pub async fn set_required(
    conn: &mut PgConnection,
    practice_id: Uuid,
    required: bool,
) -> Result<bool, DbError> {
    let before = sqlx::query_scalar!(
        "select require_two_factor from practice_settings where practice_id = $1 for update",
        practice_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    sqlx::query!(
        "insert into practice_settings (practice_id, require_two_factor) values ($1, $2)
         on conflict (practice_id) do update set require_two_factor = excluded.require_two_factor",
        practice_id,
        required
    )
    .execute(conn)
    .await?;
    Ok(before.unwrap_or(false) != required)
}
