//! A practice's team: invitations (token stored as SHA-256, 72 hours, single use), members and
//! their roles, and the vault shares an ADMIN seals to a new member's own key.

use domain::{Email, UserRole};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::DbError;

/// How long an invitation link works.
pub const INVITE_VALID_SECS: f64 = 72.0 * 3600.0;

pub async fn create_invite(
    conn: &mut PgConnection,
    practice_id: Uuid,
    email: &Email,
    role: UserRole,
    token_hash: &[u8; 32],
    invited_by: Uuid,
) -> Result<Uuid, DbError> {
    // A new invitation to the same address replaces an open one.
    sqlx::query!(
        "update invite set status = 'REVOKED' where practice_id = $1 and email = $2 and status = 'PENDING'",
        practice_id,
        email.as_str(),
    )
    .execute(&mut *conn)
    .await?;
    let id = sqlx::query_scalar!(
        "insert into invite (practice_id, email, role, token_hash, expires_at, invited_by)
         values ($1, $2, $3, $4, now() + make_interval(secs => $5), $6) returning id",
        practice_id,
        email.as_str(),
        role as UserRole,
        &token_hash[..],
        INVITE_VALID_SECS,
        invited_by,
    )
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// An open invitation, as its link shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenInvite {
    /// Also the id the new member's account gets (their key wraps are bound to it).
    pub id: Uuid,
    pub practice_id: Uuid,
    pub practice_name: String,
    pub email: String,
    pub role: UserRole,
}

pub async fn open_invite(
    conn: &mut PgConnection,
    token_hash: &[u8; 32],
) -> Result<Option<OpenInvite>, DbError> {
    let row = sqlx::query!(
        r#"select i.id, i.practice_id, p.name as practice_name, i.email, i.role as "role: UserRole"
           from invite i join practice p on p.id = i.practice_id
           where i.token_hash = $1 and i.status = 'PENDING' and i.expires_at > now()"#,
        &token_hash[..],
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| OpenInvite {
        id: r.id,
        practice_id: r.practice_id,
        practice_name: r.practice_name,
        email: r.email,
        role: r.role,
    }))
}

/// What the invitee's browser made: the login verifier, KDF parameters and their key pair.
#[derive(Debug, Clone)]
pub struct Acceptance<'a> {
    pub login_verifier_phc: &'a str,
    pub kdf_salt: &'a [u8; 16],
    pub kdf_memory_kib: i32,
    pub kdf_iterations: i32,
    pub public_key: &'a [u8; 32],
    pub wrapped_private_key: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum AcceptError {
    #[error("the invitation is unknown, used, revoked or expired")]
    Invalid,
    #[error("the address already has an account")]
    EmailTaken,
    #[error(transparent)]
    Db(#[from] DbError),
}

/// Uses the invitation up and creates the member (address confirmed: the link reached it).
pub async fn accept(
    conn: &mut PgConnection,
    token_hash: &[u8; 32],
    acceptance: &Acceptance<'_>,
) -> Result<OpenInvite, AcceptError> {
    let invite = open_invite(&mut *conn, token_hash)
        .await?
        .ok_or(AcceptError::Invalid)?;
    // The account first: the invitation then points at it (composite foreign key).
    sqlx::query!(
        r#"insert into "user" (id, practice_id, email, role, password_hash, kdf_salt, kdf_memory_kib,
                               kdf_iterations, email_verified_at, public_key, wrapped_private_key)
           values ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9, $10)"#,
        invite.id,
        invite.practice_id,
        invite.email,
        invite.role as UserRole,
        acceptance.login_verifier_phc,
        &acceptance.kdf_salt[..],
        acceptance.kdf_memory_kib,
        acceptance.kdf_iterations,
        &acceptance.public_key[..],
        acceptance.wrapped_private_key,
    )
    .execute(&mut *conn)
    .await
    .map_err(|e| match e {
        sqlx::Error::Database(d) if d.constraint() == Some("user_email_key") => {
            AcceptError::EmailTaken
        }
        // Accepted a moment ago in a parallel request: the account already exists.
        sqlx::Error::Database(d) if d.constraint() == Some("user_pkey") => AcceptError::Invalid,
        other => AcceptError::Db(other.into()),
    })?;
    let used = sqlx::query!(
        "update invite set status = 'ACCEPTED', accepted_by = $2, accepted_at = now()
         where id = $1 and status = 'PENDING'",
        invite.id,
        invite.id,
    )
    .execute(conn)
    .await
    .map_err(DbError::from)?;
    if used.rows_affected() != 1 {
        return Err(AcceptError::Invalid);
    }
    Ok(invite)
}

/// One member as the team page lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub user_id: Uuid,
    pub email: String,
    pub role: UserRole,
    pub public_key: Option<Vec<u8>>,
    /// Holds a copy of the current master key under their password.
    pub has_vault: bool,
    /// A share sealed to their key waits to be taken over at their next unlock.
    pub share_pending: bool,
}

pub async fn members(conn: &mut PgConnection, practice_id: Uuid) -> Result<Vec<Member>, DbError> {
    let rows = sqlx::query!(
        r#"select u.id, u.email, u.role as "role: UserRole", u.public_key,
                  exists(select 1 from key_wrap w where w.practice_id = u.practice_id and w.user_id = u.id
                         and w.kind = 'PASSWORD' and w.pmk_version = p.current_pmk_version) as "has_vault!",
                  exists(select 1 from key_wrap w where w.practice_id = u.practice_id and w.user_id = u.id
                         and w.kind = 'SEALED_TO_MEMBER' and w.pmk_version = p.current_pmk_version) as "share_pending!"
           from "user" u join practice p on p.id = u.practice_id
           where u.practice_id = $1 and u.removed_at is null order by u.created_at"#,
        practice_id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Member {
            user_id: r.id,
            email: r.email,
            role: r.role,
            public_key: r.public_key,
            has_vault: r.has_vault,
            share_pending: r.share_pending,
        })
        .collect())
}

/// An open invitation as the team page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingInvite {
    pub id: Uuid,
    pub email: String,
    pub role: UserRole,
}

pub async fn pending_invites(
    conn: &mut PgConnection,
    practice_id: Uuid,
) -> Result<Vec<PendingInvite>, DbError> {
    let rows = sqlx::query!(
        r#"select id, email, role as "role: UserRole" from invite
           where practice_id = $1 and status = 'PENDING' and expires_at > now() order by created_at"#,
        practice_id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| PendingInvite {
            id: r.id,
            email: r.email,
            role: r.role,
        })
        .collect())
}

/// Stores a share of the current master key sealed to a member's key pair. Refused (false)
/// when the member is not in this practice, has no key pair or already holds the key.
pub async fn store_share(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
    envelope: &str,
    shared_by: Uuid,
) -> Result<bool, DbError> {
    let stored = sqlx::query!(
        r#"insert into key_wrap (practice_id, user_id, kind, pmk_version, envelope, created_by)
           select u.practice_id, u.id, 'SEALED_TO_MEMBER', p.current_pmk_version, $3, $4
           from "user" u join practice p on p.id = u.practice_id
           where u.practice_id = $1 and u.id = $2 and u.public_key is not null
             and not exists(select 1 from key_wrap w where w.practice_id = u.practice_id and w.user_id = u.id
                            and w.kind = 'PASSWORD' and w.pmk_version = p.current_pmk_version)
           on conflict do nothing"#,
        practice_id,
        user_id,
        envelope,
        shared_by,
    )
    .execute(conn)
    .await?;
    Ok(stored.rows_affected() == 1)
}

/// A member's public key, if they are in this practice and have one.
pub async fn member_public_key(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
) -> Result<Option<Vec<u8>>, DbError> {
    let key = sqlx::query_scalar!(
        r#"select public_key from "user" where practice_id = $1 and id = $2"#,
        practice_id,
        user_id
    )
    .fetch_optional(conn)
    .await?;
    Ok(key.flatten())
}

/// The share sealed to a member, if one waits.
pub async fn pending_share(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
) -> Result<Option<String>, DbError> {
    let envelope = sqlx::query_scalar!(
        "select w.envelope from key_wrap w join practice p on p.id = w.practice_id
         where w.practice_id = $1 and w.user_id = $2 and w.kind = 'SEALED_TO_MEMBER'
           and w.pmk_version = p.current_pmk_version",
        practice_id,
        user_id
    )
    .fetch_optional(conn)
    .await?;
    Ok(envelope)
}

/// The member's own private key, wrapped under their password.
pub async fn member_wrapped_private_key(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
) -> Result<Option<String>, DbError> {
    let key = sqlx::query_scalar!(
        r#"select wrapped_private_key from "user" where practice_id = $1 and id = $2"#,
        practice_id,
        user_id
    )
    .fetch_optional(conn)
    .await?;
    Ok(key.flatten())
}

#[derive(Debug, thiserror::Error)]
pub enum TeamChangeError {
    #[error("the member is not in this practice")]
    NotFound,
    #[error("the practice would be left without an ADMIN")]
    LastAdmin,
    #[error(transparent)]
    Db(#[from] DbError),
}

/// The member's current role, locking the practice's active ADMIN rows so two parallel
/// changes cannot both remove "the other" ADMIN.
async fn lock_for_change(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
) -> Result<(UserRole, i64), TeamChangeError> {
    let admins = sqlx::query_scalar!(
        r#"select id from "user" where practice_id = $1 and role = 'ADMIN' and removed_at is null for update"#,
        practice_id
    )
    .fetch_all(&mut *conn)
    .await
    .map_err(DbError::from)?;
    let role = sqlx::query_scalar!(
        r#"select role as "role: UserRole" from "user"
           where practice_id = $1 and id = $2 and removed_at is null for update"#,
        practice_id,
        user_id
    )
    .fetch_optional(conn)
    .await
    .map_err(DbError::from)?
    .ok_or(TeamChangeError::NotFound)?;
    Ok((role, i64::try_from(admins.len()).unwrap_or(i64::MAX)))
}

/// Gives a member another role; returns the old one.
pub async fn change_role(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
    role: UserRole,
) -> Result<UserRole, TeamChangeError> {
    let (old, admins) = lock_for_change(conn, practice_id, user_id).await?;
    if old == UserRole::Admin && role != UserRole::Admin && admins <= 1 {
        return Err(TeamChangeError::LastAdmin);
    }
    sqlx::query!(
        r#"update "user" set role = $3 where practice_id = $1 and id = $2"#,
        practice_id,
        user_id,
        role as UserRole,
    )
    .execute(conn)
    .await
    .map_err(DbError::from)?;
    Ok(old)
}

/// Removes a member: no sign-in, no sessions, no keys, no pending tokens. Returns whether
/// they could open the vault (then the practice's keys are due for rotation).
pub async fn remove_member(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
) -> Result<bool, TeamChangeError> {
    let (role, admins) = lock_for_change(conn, practice_id, user_id).await?;
    if role == UserRole::Admin && admins <= 1 {
        return Err(TeamChangeError::LastAdmin);
    }
    let had_vault = sqlx::query_scalar!(
        r#"select exists(select 1 from key_wrap where practice_id = $1 and user_id = $2) as "had!""#,
        practice_id,
        user_id
    )
    .fetch_one(&mut *conn)
    .await
    .map_err(DbError::from)?;
    for statement in [
        "delete from key_wrap where practice_id = $1 and user_id = $2",
        "delete from session where practice_id = $1 and user_id = $2",
        "delete from auth_token where practice_id = $1 and user_id = $2",
        "delete from two_factor_recovery_code where practice_id = $1 and user_id = $2",
        "delete from account where practice_id = $1 and user_id = $2",
    ] {
        sqlx::query(statement)
            .bind(practice_id)
            .bind(user_id)
            .execute(&mut *conn)
            .await
            .map_err(DbError::from)?;
    }
    sqlx::query!(
        r#"update "user"
           set removed_at = now(), password_hash = null, public_key = null, wrapped_private_key = null,
               totp_secret_encrypted = null, totp_enabled_at = null
           where practice_id = $1 and id = $2"#,
        practice_id,
        user_id,
    )
    .execute(&mut *conn)
    .await
    .map_err(DbError::from)?;
    if had_vault {
        sqlx::query!(
            "update practice set key_rotation_due_at = coalesce(key_rotation_due_at, now()) where id = $1",
            practice_id
        )
        .execute(conn)
        .await
        .map_err(DbError::from)?;
    }
    Ok(had_vault)
}

/// Since when the practice's keys are due for rotation (a member with vault access left).
pub async fn rotation_due(conn: &mut PgConnection, practice_id: Uuid) -> Result<bool, DbError> {
    let due = sqlx::query_scalar!(
        r#"select key_rotation_due_at is not null as "due!" from practice where id = $1"#,
        practice_id
    )
    .fetch_one(conn)
    .await?;
    Ok(due)
}
