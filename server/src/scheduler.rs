//! The server's own background work: sending queued mail (consent reminders among it),
//! expiring overdue consent links, and housekeeping (dead sessions, old rate-limit windows).
//! Every server of a deployment runs it; the queries are written so that two servers never do
//! the same piece of work twice (leases and row locks with `skip locked`, idempotent deletes).
//!
//! Mail that waits in the outbox for days (consent reminders) is stored sealed at rest; the mail
//! loop opens it with the key of its own `DERMA_SERVER_SECRET` just before sending
//! ([`outbox_key`]), so the address and the link exist in clear only in this process, briefly.

use std::sync::Arc;
use std::time::Duration;

use crypto::{AtRestKey, AtRestLabel, Zeroizing};
use db::outbox::{DueMail, SealedColumn};
use tokio::sync::Notify;

use crate::mail::Mailer;

/// Messages leased per round.
const BATCH: i64 = 20;
/// The longest one message may take to hand to the mail server; a slower one counts as a failed
/// attempt and is retried later.
pub const SEND_TIMEOUT: Duration = Duration::from_secs(30);
/// How often expired sessions and old rate-limit windows are removed.
const HOUSEKEEPING_EVERY: Duration = Duration::from_mins(10);

/// Consents expired per transaction: short transactions, so a fill or revocation waiting on a
/// locked row waits briefly.
const EXPIRY_BATCH: i64 = 100;

/// How often the periodic loops run (from the settings).
#[derive(Debug, Clone, Copy)]
pub struct Every {
    /// Looking for mail queued by other servers, due reminders and retries.
    pub mail_poll: Duration,
    pub consent_expiry: Duration,
}

/// Lets request handlers wake the mail loop right after they queue a message, so mail goes
/// out at once instead of at the next poll.
#[derive(Clone, Default)]
pub struct MailWake(Arc<Notify>);

impl MailWake {
    pub fn wake(&self) {
        self.0.notify_one();
    }
}

/// The key that opens outbox mail sealed at rest (the one request handlers seal reminders with:
/// same deployment secret, same label).
pub fn outbox_key(server_secret: &[u8; 32]) -> AtRestKey {
    AtRestKey::derive(server_secret, AtRestLabel::OUTBOX_MAIL)
}

/// Starts the background loops; they stop when the runtime shuts down. `outbox_key` opens the
/// mail sealed at rest ([`outbox_key`] of the server's settings).
pub fn spawn(
    pool: db::PgPool,
    mailer: Arc<Mailer>,
    outbox_key: AtRestKey,
    wake: MailWake,
    every: Every,
) {
    let mail_pool = pool.clone();
    tokio::spawn(async move {
        loop {
            tokio::select! {
                () = wake.0.notified() => {}
                () = tokio::time::sleep(every.mail_poll) => {}
            }
            if let Err(error) = send_due_mail(&mail_pool, &mailer, &outbox_key).await {
                tracing::warn!(%error, "mail round failed; retrying at the next poll");
            }
        }
    });
    let expiry_pool = pool.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every.consent_expiry);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(error) = expire_consents(&expiry_pool).await {
                tracing::warn!(%error, "consent expiry failed; retrying at the next round");
            }
        }
    });
    tokio::spawn(async move {
        let mut every = tokio::time::interval(HOUSEKEEPING_EVERY);
        loop {
            every.tick().await;
            if let Err(error) = housekeeping(&pool).await {
                tracing::warn!(%error, "housekeeping failed; retrying later");
            }
        }
    });
}

/// Address and body of a mail sealed at rest, opened with this server's key; `None` when they
/// do not open (sealed under another `DERMA_SERVER_SECRET`, or altered). A mail in clear is
/// returned as it is.
fn opened(mail: DueMail, key: &AtRestKey) -> Option<DueMail> {
    if !mail.sealed_at_rest {
        return Some(mail);
    }
    let open = |sealed: &str, column| {
        let plain = key
            .open(sealed, &db::outbox::sealed_aad(mail.id, column))
            .ok()?;
        String::from_utf8(plain.to_vec()).ok()
    };
    Some(DueMail {
        to_address: open(&mail.to_address, SealedColumn::ToAddress)?,
        body_text: open(&mail.body_text, SealedColumn::BodyText)?,
        sealed_at_rest: false,
        ..mail
    })
}

/// One round of mail: lease what is due, open what is sealed at rest with `outbox_key`, send
/// each, record the outcome. A sealed mail that does not open is given up (its sealed address
/// and body forgotten) and logged by id only. Returns how many were sent.
pub async fn send_due_mail(
    pool: &db::PgPool,
    mailer: &Mailer,
    outbox_key: &AtRestKey,
) -> Result<usize, db::DbError> {
    let claimed_at = tokio::time::Instant::now();
    let due = {
        let mut conn = pool.acquire().await?;
        db::outbox::claim_due(&mut conn, BATCH).await?
    };
    let mut sent = 0;
    let mut due = due.into_iter();
    while let Some(mail) = due.next() {
        if !may_start(claimed_at.elapsed()) {
            // A slow mail server: what is left goes back rather than out after the lease ends,
            // when another server may already be sending it.
            let rest: Vec<_> = std::iter::once(mail.lease)
                .chain(due.map(|m| m.lease))
                .collect();
            let mut conn = pool.acquire().await?;
            db::outbox::release(&mut conn, &rest).await?;
            tracing::warn!(
                handed_back = rest.len(),
                "mail server slow: the rest of the round handed back before its lease ran out"
            );
            break;
        }
        let (id, lease, attempt) = (mail.id, mail.lease, mail.attempt);
        let Some(mail) = opened(mail, outbox_key) else {
            let mut conn = pool.acquire().await?;
            db::outbox::mark_failed(
                &mut conn,
                lease,
                "sealed at rest under another server secret",
                true,
            )
            .await?;
            tracing::error!(
                mail_id = %id,
                "mail sealed at rest does not open with this server's DERMA_SERVER_SECRET; given up"
            );
            continue;
        };
        let outcome = tokio::time::timeout(SEND_TIMEOUT, mailer.deliver(&mail))
            .await
            .unwrap_or_else(|_| {
                Err(crate::mail::DeliveryError {
                    permanent: false,
                    reason: format!("not handed over within {} s", SEND_TIMEOUT.as_secs()),
                })
            });
        // The opened address and body go as soon as they are sent.
        drop((
            Zeroizing::new(mail.to_address),
            Zeroizing::new(mail.body_text),
        ));
        let mut conn = pool.acquire().await?;
        match outcome {
            Ok(()) => {
                db::outbox::mark_sent(&mut conn, id).await?;
                tracing::info!(mail_id = %id, attempt = attempt, "mail sent");
                sent += 1;
            }
            Err(error) => {
                db::outbox::mark_failed(&mut conn, lease, &error.reason, error.permanent).await?;
                tracing::warn!(
                    mail_id = %id,
                    attempt = attempt,
                    permanent = error.permanent,
                    reason = %error.reason,
                    "mail not delivered"
                );
            }
        }
    }
    Ok(sent)
}

/// Whether a message of a lease taken `elapsed` ago may still be started: its send must end,
/// timeout included, with a margin before the lease does.
fn may_start(elapsed: Duration) -> bool {
    elapsed + SEND_TIMEOUT + LEASE_MARGIN <= db::outbox::LEASE
}

/// Clocks of servers and database differ a little; the lease is counted from the database's.
const LEASE_MARGIN: Duration = Duration::from_secs(30);

/// Expires every overdue consent link, a batch per transaction, with their audit entries.
/// Returns how many this server expired (another server running at once expires the rest).
pub async fn expire_consents(pool: &db::PgPool) -> Result<usize, db::DbError> {
    let mut total = 0;
    loop {
        let mut tx = pool.begin().await?;
        let expired = db::consent_jobs::expire_overdue(&mut tx, EXPIRY_BATCH).await?;
        tx.commit().await?;
        total += expired;
        if i64::try_from(expired).map_or(true, |n| n < EXPIRY_BATCH) {
            break;
        }
    }
    if total > 0 {
        tracing::info!(expired = total, "consent links expired");
    }
    Ok(total)
}

async fn housekeeping(pool: &db::PgPool) -> Result<(), db::DbError> {
    let mut conn = pool.acquire().await?;
    let sessions =
        db::session::purge_dead(&mut conn, db::session::SessionPolicy::default()).await?;
    let windows = db::rate_limit::purge_before(&mut conn, Duration::from_hours(2)).await?;
    let sign_ins = db::oidc::purge_expired(&mut conn).await?;
    tracing::info!(sessions, windows, sign_ins, "housekeeping done");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_message_is_started_that_could_outlast_the_lease() {
        assert!(may_start(Duration::ZERO), "a fresh lease sends");
        let last = db::outbox::LEASE
            .checked_sub(SEND_TIMEOUT + LEASE_MARGIN)
            .expect("the lease outlasts a send");
        assert!(may_start(last));
        assert!(!may_start(last + Duration::from_millis(1)));
        assert!(!may_start(db::outbox::LEASE));
        assert!(
            SEND_TIMEOUT * 2 + LEASE_MARGIN <= db::outbox::LEASE,
            "a round sends more than one message"
        );
    }
}
