//! Single-use tokens mailed to staff (email verification, password reset). Only the SHA-256 of
//! a token is stored; redeeming marks it used in the same statement that checks it, so two
//! concurrent redemptions cannot both succeed.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::DbError;

/// What a token is for (the `token_purpose` enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "token_purpose", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Purpose {
    EmailVerification,
    PasswordReset,
}

/// The account a valid token belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenOwner {
    pub practice_id: Uuid,
    pub user_id: Uuid,
}

/// Stores a new token for the user; earlier unused tokens of the same purpose stop working, so
/// only the newest mail's link is valid.
pub async fn issue(
    conn: &mut PgConnection,
    owner: TokenOwner,
    purpose: Purpose,
    token_hash: &[u8; 32],
    valid_for_secs: u32,
) -> Result<(), DbError> {
    sqlx::query!(
        "update auth_token set used_at = now()
         where practice_id = $1 and user_id = $2 and purpose = $3 and used_at is null",
        owner.practice_id,
        owner.user_id,
        purpose as Purpose,
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "insert into auth_token (practice_id, user_id, purpose, token_hash, expires_at)
         values ($1, $2, $3, $4, now() + make_interval(secs => $5))",
        owner.practice_id,
        owner.user_id,
        purpose as Purpose,
        &token_hash[..],
        f64::from(valid_for_secs),
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// The owner of a valid (unused, unexpired) token, without using it up.
pub async fn peek(
    conn: &mut PgConnection,
    purpose: Purpose,
    token_hash: &[u8; 32],
) -> Result<Option<TokenOwner>, DbError> {
    let row = sqlx::query!(
        "select practice_id, user_id from auth_token
         where token_hash = $1 and purpose = $2 and used_at is null and expires_at > now()",
        &token_hash[..],
        purpose as Purpose,
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| TokenOwner {
        practice_id: r.practice_id,
        user_id: r.user_id,
    }))
}

/// Uses a valid token up and says whose it was; `None` if it is unknown, used or expired.
pub async fn redeem(
    conn: &mut PgConnection,
    purpose: Purpose,
    token_hash: &[u8; 32],
) -> Result<Option<TokenOwner>, DbError> {
    let row = sqlx::query!(
        "update auth_token set used_at = now()
         where token_hash = $1 and purpose = $2 and used_at is null and expires_at > now()
         returning practice_id, user_id",
        &token_hash[..],
        purpose as Purpose,
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| TokenOwner {
        practice_id: r.practice_id,
        user_id: r.user_id,
    }))
}

/// Whether a token of this purpose was issued to the user within the last `secs` seconds
/// (so repeated requests do not flood their mailbox).
pub async fn issued_within(
    conn: &mut PgConnection,
    owner: TokenOwner,
    purpose: Purpose,
    secs: u32,
) -> Result<bool, DbError> {
    let recent = sqlx::query_scalar!(
        r#"select exists(select 1 from auth_token
             where practice_id = $1 and user_id = $2 and purpose = $3
               and created_at > now() - make_interval(secs => $4)) as "recent!""#,
        owner.practice_id,
        owner.user_id,
        purpose as Purpose,
        f64::from(secs),
    )
    .fetch_one(conn)
    .await?;
    Ok(recent)
}
