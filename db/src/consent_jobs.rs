//! Scheduled work on consent links (DESIGN §5): the reminder queued when a link is mailed, and
//! the expiry of links nobody finished in time.
//!
//! Every server runs the expiry job, so it must never expire or audit a consent twice: each
//! round locks the overdue rows it takes with `for update skip locked` (a second server takes
//! other rows or none) and re-reads their status under that lock, so a row another server
//! expired a moment ago no longer qualifies. Reminders are ordinary outbox mail (leased by
//! `outbox::claim_due`, sent once); the outbox holds one back unless its consent is still
//! pending and unexpired, and a trigger deletes it as soon as the consent moves on. A reminder
//! waits for days, so it is stored sealed at rest (see [`NewReminder`]).

use domain::{AuditAction, ConsentEvent, ConsentStatus, Fee};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::DbError;

/// A consent link as the member mailing it may act on it, locked until their transaction ends
/// (a concurrent fill, revocation or second mailing waits, so the reminder decision holds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockedLink {
    pub status: ConsentStatus,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    pub reminder_sent_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// Locks the consent `consent_id` of this practice for the caller's transaction.
pub async fn lock_link(
    conn: &mut PgConnection,
    practice_id: Uuid,
    consent_id: Uuid,
) -> Result<Option<LockedLink>, DbError> {
    let row = sqlx::query_as!(
        LockedLink,
        r#"select status as "status: ConsentStatus", expires_at, reminder_sent_at
           from consent_form
           where practice_id = $1 and id = $2
           for update"#,
        practice_id,
        consent_id,
    )
    .fetch_optional(conn)
    .await?;
    Ok(row)
}

/// A reminder to queue with the link mail. The subject holds the practice name only, like the
/// link mail's; the address and the body (which holds the link) come sealed at rest by the
/// caller (`crypto::AtRestKey` for `crypto::AtRestLabel::OUTBOX_MAIL`, AAD
/// [`outbox::sealed_aad`](crate::outbox::sealed_aad) of `id` and the column), so the database
/// never holds them readable; the schema refuses a reminder in clear.
#[derive(Debug, Clone)]
pub struct NewReminder<'a> {
    /// The outbox row's id, chosen by the caller because the seal is bound to it.
    pub id: Uuid,
    pub practice_id: Uuid,
    pub consent_id: Uuid,
    pub sealed_to_address: &'a str,
    pub subject: &'a str,
    pub sealed_body_text: &'a str,
    /// Hours after now (practice setting, 1 to 720).
    pub delay_hours: i32,
}

/// Queues the reminder in the caller's transaction, replacing a queued one of the same link (a
/// link mailed again, e.g. to a corrected address, is reminded of once, at the newest address).
/// Nothing is queued unless the consent is still pending, has not been reminded of and the
/// reminder would go out before the link expires. Returns whether one was queued. Call it
/// after [`lock_link`], so two mailings of one link cannot both queue one.
pub async fn queue_reminder(
    conn: &mut PgConnection,
    reminder: &NewReminder<'_>,
) -> Result<bool, DbError> {
    sqlx::query!(
        "delete from email_outbox
         where practice_id = $1 and reminder_for_consent_id = $2 and status = 'QUEUED'",
        reminder.practice_id,
        reminder.consent_id,
    )
    .execute(&mut *conn)
    .await?;
    let queued = sqlx::query!(
        "insert into email_outbox
             (id, practice_id, to_address, subject, body_text, sealed_at_rest, next_attempt_at,
              reminder_for_consent_id)
         select $7, c.practice_id, $3, $4, $5, true, now() + make_interval(hours => $6), c.id
         from consent_form c
         where c.practice_id = $1 and c.id = $2 and c.status = 'PENDING'
           and c.reminder_sent_at is null
           and now() + make_interval(hours => $6) < c.expires_at",
        reminder.practice_id,
        reminder.consent_id,
        reminder.sealed_to_address,
        reminder.subject,
        reminder.sealed_body_text,
        reminder.delay_hours,
        reminder.id,
    )
    .execute(conn)
    .await?
    .rows_affected();
    Ok(queued == 1)
}

/// The statuses the status machine lets expire (with or without a fee): asked of the domain,
/// not restated here.
pub fn expirable_statuses() -> Vec<ConsentStatus> {
    ConsentStatus::ALL
        .iter()
        .copied()
        .filter(|status| {
            [Fee::None, Fee::Due]
                .into_iter()
                .any(|fee| status.after(ConsentEvent::Expired, fee).is_ok())
        })
        .collect()
}

/// Expires up to `limit` overdue consents in the caller's transaction: sets the status the
/// status machine answers, `expired_at`, and appends one `consent.expired` audit entry each
/// (no actor: the scheduler did it). Their queued reminders go with the status change (the
/// trigger of `email_outbox`'s migration). Returns how many were expired; fewer than `limit`
/// means none are left for now.
pub async fn expire_overdue(conn: &mut PgConnection, limit: i64) -> Result<usize, DbError> {
    let expirable = expirable_statuses();
    // Ordered by practice: each audit append takes its practice's lock until commit, and two
    // servers taking them in the same order cannot deadlock.
    let due = sqlx::query!(
        r#"select id, practice_id, status as "status: ConsentStatus", fee_cents
           from consent_form
           where expires_at <= now() and status = any($1)
           order by practice_id, expires_at, id
           limit $2
           for update skip locked"#,
        &expirable as &[ConsentStatus],
        limit,
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut expired = 0;
    for consent in due {
        let fee = if consent.fee_cents.is_some_and(|cents| cents > 0) {
            Fee::Due
        } else {
            Fee::None
        };
        let Ok(next) = consent.status.after(ConsentEvent::Expired, fee) else {
            continue;
        };
        sqlx::query!(
            "update consent_form set status = $2, expired_at = now() where id = $1",
            consent.id,
            next as ConsentStatus,
        )
        .execute(&mut *conn)
        .await?;
        crate::audit::append(
            conn,
            &crate::audit::NewAuditEntry {
                practice_id: consent.practice_id,
                action: AuditAction::ConsentExpired,
                entity: Some(("consent_form", consent.id)),
                actor_user_id: None,
                ip_truncated: None,
                metadata: serde_json::json!({ "from": consent.status.as_str() }),
            },
        )
        .await?;
        expired += 1;
    }
    Ok(expired)
}
