//! The server's own background work: sending queued mail and housekeeping (dead sessions,
//! old rate-limit windows). Every server of a deployment runs it; the queries are written so
//! that two servers never do the same piece of work twice (leases with `skip locked`,
//! idempotent deletes).

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;

use crate::mail::Mailer;

/// Messages leased per round.
const BATCH: i64 = 20;
/// How often expired sessions and old rate-limit windows are removed.
const HOUSEKEEPING_EVERY: Duration = Duration::from_mins(10);

/// Lets request handlers wake the mail loop right after they queue a message, so mail goes
/// out at once instead of at the next poll.
#[derive(Clone, Default)]
pub struct MailWake(Arc<Notify>);

impl MailWake {
    pub fn wake(&self) {
        self.0.notify_one();
    }
}

/// Starts the background loops; they stop when the runtime shuts down.
pub fn spawn(pool: db::PgPool, mailer: Arc<Mailer>, wake: MailWake, poll_every: Duration) {
    let mail_pool = pool.clone();
    tokio::spawn(async move {
        loop {
            tokio::select! {
                () = wake.0.notified() => {}
                () = tokio::time::sleep(poll_every) => {}
            }
            if let Err(error) = send_due_mail(&mail_pool, &mailer).await {
                tracing::warn!(%error, "mail round failed; retrying at the next poll");
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

/// One round of mail: lease what is due, send each, record the outcome. Returns how many were
/// sent.
pub async fn send_due_mail(pool: &db::PgPool, mailer: &Mailer) -> Result<usize, db::DbError> {
    let due = {
        let mut conn = pool.acquire().await?;
        db::outbox::claim_due(&mut conn, BATCH).await?
    };
    let mut sent = 0;
    for mail in due {
        let outcome = mailer.deliver(&mail).await;
        let mut conn = pool.acquire().await?;
        match outcome {
            Ok(()) => {
                db::outbox::mark_sent(&mut conn, mail.id).await?;
                tracing::info!(mail_id = %mail.id, attempt = mail.attempt, "mail sent");
                sent += 1;
            }
            Err(error) => {
                db::outbox::mark_failed(&mut conn, mail.id, &error.reason, error.permanent).await?;
                tracing::warn!(
                    mail_id = %mail.id,
                    attempt = mail.attempt,
                    permanent = error.permanent,
                    reason = %error.reason,
                    "mail not delivered"
                );
            }
        }
    }
    Ok(sent)
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
