//! The practice vault as the server stores it: public keys in clear, everything else as
//! envelopes made in an ADMIN's browser that the server cannot open (DESIGN §4).

use domain::AuditAction;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::audit::{self, NewAuditEntry};
use crate::DbError;

/// What the first ADMIN's browser produced when setting up the vault (all version 1).
#[derive(Debug, Clone)]
pub struct NewVault<'a> {
    pub inbox_public_key: &'a [u8; 32],
    pub wrapped_inbox_private_key: &'a str,
    pub wrapped_blind_index_key: &'a str,
    /// The master key under the ADMIN's password.
    pub admin_password_wrap: &'a str,
    /// The master key under the printed recovery code.
    pub recovery_wrap: &'a str,
    pub admin_public_key: &'a [u8; 32],
    /// The ADMIN's own private key under their password.
    pub admin_wrapped_private_key: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    #[error("the practice already has a vault")]
    AlreadySetUp,
    #[error(transparent)]
    Db(#[from] DbError),
}

/// Creates the practice's vault, once, in the caller's transaction.
#[tracing::instrument(skip_all, fields(%practice_id, %admin_id))]
pub async fn create(
    conn: &mut PgConnection,
    practice_id: Uuid,
    admin_id: Uuid,
    vault: &NewVault<'_>,
    ip_truncated: Option<&str>,
) -> Result<(), VaultError> {
    // Serialise concurrent set-ups of one practice (two tabs): the second sees the first.
    sqlx::query!(
        "select id from practice where id = $1 for update",
        practice_id
    )
    .fetch_one(&mut *conn)
    .await
    .map_err(DbError::from)?;
    let existing = sqlx::query_scalar!(
        "select count(*) as \"n!\" from practice_key where practice_id = $1",
        practice_id
    )
    .fetch_one(&mut *conn)
    .await
    .map_err(DbError::from)?;
    if existing > 0 {
        return Err(VaultError::AlreadySetUp);
    }
    sqlx::query!(
        "insert into practice_key (practice_id, key_version, pmk_version, inbox_public_key, wrapped_inbox_private_key, wrapped_blind_index_key)
         values ($1, 1, 1, $2, $3, $4)",
        practice_id,
        &vault.inbox_public_key[..],
        vault.wrapped_inbox_private_key,
        vault.wrapped_blind_index_key,
    )
    .execute(&mut *conn)
    .await
    .map_err(DbError::from)?;
    sqlx::query!(
        "insert into key_wrap (practice_id, user_id, kind, pmk_version, envelope, created_by)
         values ($1, $2, 'PASSWORD', 1, $3, $2), ($1, null, 'RECOVERY_CODE', 1, $4, $2)",
        practice_id,
        admin_id,
        vault.admin_password_wrap,
        vault.recovery_wrap,
    )
    .execute(&mut *conn)
    .await
    .map_err(DbError::from)?;
    sqlx::query!(
        r#"update "user" set public_key = $3, wrapped_private_key = $4 where practice_id = $1 and id = $2"#,
        practice_id,
        admin_id,
        &vault.admin_public_key[..],
        vault.admin_wrapped_private_key,
    )
    .execute(&mut *conn)
    .await
    .map_err(DbError::from)?;
    audit::append(
        conn,
        &NewAuditEntry {
            practice_id,
            action: AuditAction::VaultCreated,
            entity: Some(("practice", practice_id)),
            actor_user_id: Some(admin_id),
            ip_truncated,
            metadata: serde_json::json!({ "pmk_version": 1, "key_version": 1 }),
        },
    )
    .await?;
    Ok(())
}

/// What a staff member's browser needs to open the vault: their own wrap of the master key
/// and the keys wrapped under it. `None` until the vault is set up or shared with them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VaultMaterial {
    pub password_wrap: String,
    pub member_wrapped_private_key: Option<String>,
    pub inbox_key_version: i32,
    pub inbox_public_key: Vec<u8>,
    pub wrapped_inbox_private_key: String,
    pub wrapped_blind_index_key: String,
    /// Each earlier master key wrapped under its successor, newest first: opening the current
    /// one opens them all, so records from before a rotation stay readable.
    pub previous_master_keys: Vec<String>,
    /// The inbox private keys a rotation retired, newest first, each wrapped under the master
    /// key of its time: submissions sealed to them stay readable.
    pub retired_inbox_keys: Vec<String>,
}

/// The retired inbox private keys, newest first.
async fn retired_inbox_keys(
    conn: &mut PgConnection,
    practice_id: Uuid,
) -> Result<Vec<String>, DbError> {
    let keys = sqlx::query_scalar!(
        "select wrapped_inbox_private_key from practice_key
         where practice_id = $1 and retired_at is not null
         order by key_version desc",
        practice_id
    )
    .fetch_all(conn)
    .await?;
    Ok(keys)
}

/// The chain of earlier master keys, newest first.
async fn master_key_chain(
    conn: &mut PgConnection,
    practice_id: Uuid,
) -> Result<Vec<String>, DbError> {
    let chain = sqlx::query_scalar!(
        r#"select wrapped_previous_master_key as "wrapped!" from practice_key
           where practice_id = $1 and wrapped_previous_master_key is not null
           order by pmk_version desc"#,
        practice_id
    )
    .fetch_all(conn)
    .await?;
    Ok(chain)
}

pub async fn material_for(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
) -> Result<Option<VaultMaterial>, DbError> {
    let row = sqlx::query!(
        r#"select w.envelope, u.wrapped_private_key, k.key_version, k.inbox_public_key,
                  k.wrapped_inbox_private_key, k.wrapped_blind_index_key
           from key_wrap w
           join "user" u on u.practice_id = w.practice_id and u.id = w.user_id
           join practice p on p.id = w.practice_id
           join practice_key k on k.practice_id = w.practice_id and k.retired_at is null
           where w.practice_id = $1 and w.user_id = $2 and w.kind = 'PASSWORD'
             and w.pmk_version = p.current_pmk_version"#,
        practice_id,
        user_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    let Some(r) = row else { return Ok(None) };
    Ok(Some(VaultMaterial {
        password_wrap: r.envelope,
        member_wrapped_private_key: r.wrapped_private_key,
        inbox_key_version: r.key_version,
        inbox_public_key: r.inbox_public_key,
        wrapped_inbox_private_key: r.wrapped_inbox_private_key,
        wrapped_blind_index_key: r.wrapped_blind_index_key,
        previous_master_keys: master_key_chain(&mut *conn, practice_id).await?,
        retired_inbox_keys: retired_inbox_keys(conn, practice_id).await?,
    }))
}

/// Whether the practice has a vault yet.
pub async fn exists(conn: &mut PgConnection, practice_id: Uuid) -> Result<bool, DbError> {
    let n = sqlx::query_scalar!(
        "select count(*) as \"n!\" from practice_key where practice_id = $1",
        practice_id
    )
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

/// A member's own copy of the master key and their key pair, once they can open the vault
/// (after an ADMIN shared it and they re-wrapped it under their password).
#[derive(Debug, Clone)]
pub struct MemberKeys<'a> {
    pub user_id: Uuid,
    pub password_wrap: &'a str,
    pub public_key: &'a [u8; 32],
    pub wrapped_private_key: &'a str,
}

pub async fn add_member(
    conn: &mut PgConnection,
    practice_id: Uuid,
    keys: &MemberKeys<'_>,
    created_by: Uuid,
) -> Result<(), DbError> {
    sqlx::query!(
        "insert into key_wrap (practice_id, user_id, kind, pmk_version, envelope, created_by)
         select $1, $2, 'PASSWORD', current_pmk_version, $3, $4 from practice where id = $1",
        practice_id,
        keys.user_id,
        keys.password_wrap,
        created_by,
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        r#"update "user" set public_key = $3, wrapped_private_key = $4 where practice_id = $1 and id = $2"#,
        practice_id,
        keys.user_id,
        &keys.public_key[..],
        keys.wrapped_private_key,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// The master key under the practice's recovery code, with the current master-key version.
pub async fn recovery_wrap(
    conn: &mut PgConnection,
    practice_id: Uuid,
) -> Result<Option<String>, DbError> {
    let envelope = sqlx::query_scalar!(
        "select w.envelope from key_wrap w join practice p on p.id = w.practice_id
         where w.practice_id = $1 and w.kind = 'RECOVERY_CODE' and w.pmk_version = p.current_pmk_version",
        practice_id
    )
    .fetch_optional(conn)
    .await?;
    Ok(envelope)
}

/// Gives a member (back) their own copy of the current master key, replacing an older one.
pub async fn restore_password_wrap(
    conn: &mut PgConnection,
    practice_id: Uuid,
    user_id: Uuid,
    password_wrap: &str,
) -> Result<(), DbError> {
    sqlx::query!(
        "delete from key_wrap where practice_id = $1 and user_id = $2 and kind in ('PASSWORD', 'SEALED_TO_MEMBER')",
        practice_id,
        user_id,
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "insert into key_wrap (practice_id, user_id, kind, pmk_version, envelope, created_by)
         select $1, $2, 'PASSWORD', current_pmk_version, $3, $2 from practice where id = $1",
        practice_id,
        user_id,
        password_wrap,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// The practice's current key set without any member's copy of the master key
/// (`password_wrap` left empty), for opening with the recovery code.
pub async fn practice_keys(
    conn: &mut PgConnection,
    practice_id: Uuid,
) -> Result<Option<VaultMaterial>, DbError> {
    let row = sqlx::query!(
        "select k.key_version, k.inbox_public_key, k.wrapped_inbox_private_key, k.wrapped_blind_index_key
         from practice_key k where k.practice_id = $1 and k.retired_at is null",
        practice_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    let Some(r) = row else { return Ok(None) };
    Ok(Some(VaultMaterial {
        password_wrap: String::new(),
        member_wrapped_private_key: None,
        inbox_key_version: r.key_version,
        inbox_public_key: r.inbox_public_key,
        wrapped_inbox_private_key: r.wrapped_inbox_private_key,
        wrapped_blind_index_key: r.wrapped_blind_index_key,
        previous_master_keys: master_key_chain(&mut *conn, practice_id).await?,
        retired_inbox_keys: retired_inbox_keys(conn, practice_id).await?,
    }))
}

/// The practice's current master-key and inbox-key versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Versions {
    pub pmk_version: i32,
    pub key_version: i32,
}

pub async fn versions(
    conn: &mut PgConnection,
    practice_id: Uuid,
) -> Result<Option<Versions>, DbError> {
    let row = sqlx::query!(
        "select p.current_pmk_version, k.key_version from practice p
         join practice_key k on k.practice_id = p.id and k.retired_at is null
         where p.id = $1",
        practice_id
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| Versions {
        pmk_version: r.current_pmk_version,
        key_version: r.key_version,
    }))
}

/// Like [`versions`], locking the practice row so two rotations cannot interleave.
pub async fn versions_for_update(
    conn: &mut PgConnection,
    practice_id: Uuid,
) -> Result<Option<Versions>, DbError> {
    sqlx::query!(
        "select id from practice where id = $1 for update",
        practice_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    versions(conn, practice_id).await
}

/// A new key set made by an ADMIN's browser (docs/crypto.md §9.6).
#[derive(Debug, Clone)]
pub struct Rotation<'a> {
    pub pmk_version: i32,
    pub key_version: i32,
    pub inbox_public_key: &'a [u8; 32],
    pub wrapped_inbox_private_key: &'a str,
    pub wrapped_blind_index_key: &'a str,
    pub wrapped_previous_master_key: &'a str,
    pub admin_password_wrap: &'a str,
    pub recovery_wrap: &'a str,
    pub shares: &'a [(Uuid, &'a str)],
}

/// Swaps in the new key set: the new inbox key receives new data, every copy of the old
/// master key is replaced, and the rotation is no longer due.
pub async fn rotate(
    conn: &mut PgConnection,
    practice_id: Uuid,
    admin_id: Uuid,
    rotation: &Rotation<'_>,
) -> Result<(), DbError> {
    sqlx::query!(
        "update practice_key set retired_at = now() where practice_id = $1 and retired_at is null",
        practice_id
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "insert into practice_key (practice_id, key_version, pmk_version, inbox_public_key,
                                   wrapped_inbox_private_key, wrapped_blind_index_key, wrapped_previous_master_key)
         values ($1, $2, $3, $4, $5, $6, $7)",
        practice_id,
        rotation.key_version,
        rotation.pmk_version,
        &rotation.inbox_public_key[..],
        rotation.wrapped_inbox_private_key,
        rotation.wrapped_blind_index_key,
        rotation.wrapped_previous_master_key,
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "update practice set current_pmk_version = $2, key_rotation_due_at = null where id = $1",
        practice_id,
        rotation.pmk_version
    )
    .execute(&mut *conn)
    .await?;
    // Copies of older master keys open nothing the chain does not: they go.
    sqlx::query!(
        "delete from key_wrap where practice_id = $1 and pmk_version < $2",
        practice_id,
        rotation.pmk_version
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "insert into key_wrap (practice_id, user_id, kind, pmk_version, envelope, created_by)
         values ($1, $2, 'PASSWORD', $3, $4, $2), ($1, null, 'RECOVERY_CODE', $3, $5, $2)",
        practice_id,
        admin_id,
        rotation.pmk_version,
        rotation.admin_password_wrap,
        rotation.recovery_wrap,
    )
    .execute(&mut *conn)
    .await?;
    for (user_id, share) in rotation.shares {
        sqlx::query!(
            "insert into key_wrap (practice_id, user_id, kind, pmk_version, envelope, created_by)
             values ($1, $2, 'SEALED_TO_MEMBER', $3, $4, $5)",
            practice_id,
            user_id,
            rotation.pmk_version,
            share,
            admin_id,
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
