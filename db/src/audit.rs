//! Appending to and verifying the per-practice, hash-chained audit log.
//!
//! Appends run inside the caller's transaction (the audit row commits or rolls back with the
//! change it records). A transaction-scoped advisory lock per practice serialises appends, so
//! sequence numbers stay gap-free and every entry chains to its true predecessor even when
//! several app servers write at once.

use domain::AuditAction;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::DbError;

/// One entry to append. Ids and non-identifying metadata only: never a name, an email address,
/// a date of birth or any answer.
#[derive(Debug, Clone)]
pub struct NewAuditEntry<'a> {
    pub practice_id: Uuid,
    pub action: AuditAction,
    pub entity: Option<(&'a str, Uuid)>,
    pub actor_user_id: Option<Uuid>,
    /// IPv4 /24 or IPv6 /48, never a full address.
    pub ip_truncated: Option<&'a str>,
    pub metadata: serde_json::Value,
}

/// Where an appended entry landed in its practice's chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditPosition {
    pub seq: i64,
    pub hash: Vec<u8>,
}

/// The result of checking a practice's chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainCheck {
    /// Every entry's hash matches its content and predecessor; `entries` were checked.
    Intact { entries: i64 },
    /// The first entry (by sequence) whose hash, predecessor link or position is wrong.
    BrokenAt { seq: i64 },
}

/// Appends an entry to the practice's chain, in the caller's transaction.
#[tracing::instrument(skip_all, fields(practice_id = %entry.practice_id, action = %entry.action))]
pub async fn append(
    conn: &mut PgConnection,
    entry: &NewAuditEntry<'_>,
) -> Result<AuditPosition, DbError> {
    sqlx::query!(
        "select pg_advisory_xact_lock(hashtextextended('audit_log:' || $1::uuid::text, 0))",
        entry.practice_id
    )
    .execute(&mut *conn)
    .await?;
    let (entity_type, entity_id) = entry
        .entity
        .map_or((None, None), |(kind, id)| (Some(kind), Some(id)));
    let row = sqlx::query!(
        r#"
        with last as (
            select seq, hash from audit_log where practice_id = $1 order by seq desc limit 1
        ),
        next as (
            select coalesce((select seq from last), 0) + 1 as seq,
                   (select hash from last) as prev_hash,
                   now() as created_at
        )
        insert into audit_log
            (practice_id, seq, action, entity_type, entity_id, actor_user_id, ip_truncated,
             metadata, prev_hash, hash, created_at)
        select $1, next.seq, $2, $3, $4, $5, $6, $7, next.prev_hash,
               audit_entry_hash(next.prev_hash, $1, next.seq, $2, $3, $4, $5, $6, $7, next.created_at),
               next.created_at
        from next
        returning seq, hash
        "#,
        entry.practice_id,
        entry.action.as_str(),
        entity_type,
        entity_id,
        entry.actor_user_id,
        entry.ip_truncated,
        entry.metadata,
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(AuditPosition {
        seq: row.seq,
        hash: row.hash,
    })
}

/// Recomputes the practice's chain from the first entry and reports the first break.
#[tracing::instrument(skip_all, fields(%practice_id))]
pub async fn verify_chain(
    conn: &mut PgConnection,
    practice_id: Uuid,
) -> Result<ChainCheck, DbError> {
    let row = sqlx::query!(
        r#"
        with chain as (
            select seq, prev_hash, hash,
                   lag(hash) over (order by seq) as previous,
                   row_number() over (order by seq) as position,
                   audit_entry_hash(prev_hash, practice_id, seq, action, entity_type, entity_id,
                                    actor_user_id, ip_truncated, metadata, created_at) as expected
            from audit_log
            where practice_id = $1
        )
        select
            (select count(*) from chain) as "entries!",
            (select min(seq) from chain
             where hash is distinct from expected
                or prev_hash is distinct from previous
                or seq <> position) as broken_at
        "#,
        practice_id
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(match row.broken_at {
        Some(seq) => ChainCheck::BrokenAt { seq },
        None => ChainCheck::Intact {
            entries: row.entries,
        },
    })
}
