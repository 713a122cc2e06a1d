//! The email outbox: mail is queued in the caller's transaction (so it goes out only if the
//! action that caused it commits) and delivered later by the server's scheduler.
//!
//! Delivery leases a batch (`claim_due`) instead of holding row locks across the SMTP
//! conversation, so several servers share the queue without sending a message twice and a
//! server that dies mid-send only delays its lease. After sending, the address and body are
//! cleared: the outbox is a queue, not an archive of who was mailed what.
//!
//! A consent reminder is a mail queued for later (`consent_jobs::queue_reminder`) and held back
//! here unless its consent is still pending and unexpired. Because it waits for days, its address
//! and body are stored only sealed at rest (`sealed_at_rest`, checked by the schema): the caller
//! seals them with `crypto::AtRestKey` (a key of the deployment secret, never in the database)
//! bound to [`sealed_aad`], and the worker opens them just before sending. This crate never
//! sees the key or the plaintext of a sealed row.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::DbError;

/// Attempts before a message is given up (the backoff reaches about four hours by then).
pub const MAX_ATTEMPTS: i32 = 8;

/// How long a claimed message is reserved for the server that claimed it. The sender must be
/// done with a message well before: once the lease has run out another server may send it too.
pub const LEASE: std::time::Duration = std::time::Duration::from_mins(5);

#[derive(Debug, Clone)]
pub struct NewMail<'a> {
    /// The practice the mail belongs to (None for platform mail).
    pub practice_id: Option<Uuid>,
    pub to_address: &'a str,
    pub subject: &'a str,
    pub body_text: &'a str,
}

/// Queues a message; delivered by the scheduler once the caller's transaction commits.
pub async fn enqueue(conn: &mut PgConnection, mail: &NewMail<'_>) -> Result<Uuid, DbError> {
    let id = sqlx::query_scalar!(
        "insert into email_outbox (practice_id, to_address, subject, body_text)
         values ($1, $2, $3, $4) returning id",
        mail.practice_id,
        mail.to_address,
        mail.subject,
        mail.body_text,
    )
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// A message whose address and body the caller has sealed at rest (see [`sealed_aad`]): it
/// holds a patient's address or a live consent link, which the database must never keep
/// readable, not even while the mail server is away.
#[derive(Debug, Clone)]
pub struct NewSealedMail<'a> {
    /// The outbox row's id, chosen by the caller because the seals are bound to it.
    pub id: Uuid,
    pub practice_id: Option<Uuid>,
    pub sealed_to_address: &'a str,
    pub subject: &'a str,
    pub sealed_body_text: &'a str,
}

/// Queues a sealed message, like [`enqueue`].
pub async fn enqueue_sealed(
    conn: &mut PgConnection,
    mail: &NewSealedMail<'_>,
) -> Result<(), DbError> {
    sqlx::query!(
        "insert into email_outbox (id, practice_id, to_address, subject, body_text, sealed_at_rest)
         values ($1, $2, $3, $4, $5, true)",
        mail.id,
        mail.practice_id,
        mail.sealed_to_address,
        mail.subject,
        mail.sealed_body_text,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// A column that a row with `sealed_at_rest` keeps only sealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SealedColumn {
    ToAddress,
    BodyText,
}

impl SealedColumn {
    pub const fn name(self) -> &'static str {
        match self {
            Self::ToAddress => "to_address",
            Self::BodyText => "body_text",
        }
    }
}

/// The associated data a sealed column of outbox row `id` is sealed with: `email_outbox.` ‖
/// column name ‖ `0x00` ‖ the 16 bytes of the id. A sealed value copied to another row or
/// column does not open.
pub fn sealed_aad(id: Uuid, column: SealedColumn) -> Vec<u8> {
    [
        b"email_outbox.".as_slice(),
        column.name().as_bytes(),
        &[0],
        id.as_bytes(),
    ]
    .concat()
}

/// One server's hold on a claimed message: the message's id and the end of the lease, which
/// every claim sets anew. Handing back or recording a failure changes the row only while this
/// hold is still the current one: a sender whose lease ran out (a stalled database, a suspended
/// host) must not cut short the lease of the server that claimed the message after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lease {
    pub id: Uuid,
    until: chrono::DateTime<chrono::Utc>,
}

/// A message ready to be sent.
#[derive(Debug, Clone)]
pub struct DueMail {
    pub id: Uuid,
    pub lease: Lease,
    /// Sealed (see [`sealed_aad`]) when `sealed_at_rest`.
    pub to_address: String,
    pub subject: String,
    /// Sealed (see [`sealed_aad`]) when `sealed_at_rest`.
    pub body_text: String,
    /// Whether address and body must be opened before sending.
    pub sealed_at_rest: bool,
    /// Attempts including this one.
    pub attempt: i32,
}

/// Leases up to `limit` due messages to the caller (skipping those another server holds).
pub async fn claim_due(conn: &mut PgConnection, limit: i64) -> Result<Vec<DueMail>, DbError> {
    let rows = sqlx::query!(
        r#"update email_outbox o
           set attempts = o.attempts + 1,
               next_attempt_at = now() + make_interval(secs => $2)
           where o.id in (
               select id from email_outbox
               where status = 'QUEUED' and next_attempt_at <= now() and to_address is not null
                 -- A reminder goes out only while its link is untouched and still open; the
                 -- trigger deletes it when the consent moves on, the expiry job when it lapses.
                 and (reminder_for_consent_id is null or exists (
                     select 1 from consent_form c
                     where c.practice_id = email_outbox.practice_id
                       and c.id = email_outbox.reminder_for_consent_id
                       and c.status = 'PENDING' and c.expires_at > now()))
               order by next_attempt_at
               limit $1
               for update skip locked)
           returning o.id, o.to_address as "to_address!", o.subject, o.body_text, o.sealed_at_rest,
                     o.attempts, o.next_attempt_at"#,
        limit,
        LEASE.as_secs_f64(),
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| DueMail {
            id: r.id,
            lease: Lease {
                id: r.id,
                until: r.next_attempt_at,
            },
            to_address: r.to_address,
            subject: r.subject,
            body_text: r.body_text,
            sealed_at_rest: r.sealed_at_rest,
            attempt: r.attempts,
        })
        .collect())
}

/// Hands leased messages back unsent (due at once, this attempt not counted), so that a
/// sender running short of its lease never starts one another server may claim meanwhile.
/// A message claimed again since (its lease ran out) is left to its new holder.
pub async fn release(conn: &mut PgConnection, leases: &[Lease]) -> Result<(), DbError> {
    let ids: Vec<Uuid> = leases.iter().map(|l| l.id).collect();
    let until: Vec<_> = leases.iter().map(|l| l.until).collect();
    sqlx::query!(
        "update email_outbox o
         set attempts = greatest(o.attempts - 1, 0), next_attempt_at = now()
         from unnest($1::uuid[], $2::timestamptz[]) as held(id, until)
         where o.id = held.id and o.next_attempt_at = held.until and o.status = 'QUEUED'",
        &ids,
        &until,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Marks a message sent and forgets its recipient and body; a reminder also notes on its
/// consent that the patient was reminded.
pub async fn mark_sent(conn: &mut PgConnection, id: Uuid) -> Result<(), DbError> {
    sqlx::query!(
        "with sent as (
             update email_outbox
             set status = 'SENT', sent_at = now(), to_address = null, body_text = '',
                 body_html = null, last_error = null
             where id = $1
             returning practice_id, reminder_for_consent_id)
         update consent_form c set reminder_sent_at = now()
         from sent
         where c.practice_id = sent.practice_id and c.id = sent.reminder_for_consent_id",
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Records a failed attempt: retried with exponential backoff, given up (and its recipient and
/// body forgotten) after [`MAX_ATTEMPTS`]. `reason` must not contain the address or body.
/// Nothing is recorded once the message has been claimed again by someone else (see [`Lease`]).
pub async fn mark_failed(
    conn: &mut PgConnection,
    lease: Lease,
    reason: &str,
    permanent: bool,
) -> Result<(), DbError> {
    sqlx::query!(
        "update email_outbox
         set last_error = left($2, 200),
             status = case when $3 or attempts >= $4 then 'FAILED'::outbox_status else 'QUEUED'::outbox_status end,
             to_address = case when $3 or attempts >= $4 then null else to_address end,
             body_text = case when $3 or attempts >= $4 then '' else body_text end,
             next_attempt_at = now() + make_interval(secs => least(30 * power(2, attempts - 1), 14400))
         where id = $1 and next_attempt_at = $5 and status = 'QUEUED'",
        lease.id,
        reason,
        permanent,
        MAX_ATTEMPTS,
        lease.until,
    )
    .execute(conn)
    .await?;
    Ok(())
}
