//! Consent expiry and reminders against a real PostgreSQL: exactly the overdue open consents
//! expire, each audited once even when two servers run the job at once; a reminder is queued
//! only for a pending link due before its expiry and disappears as soon as it can no longer go.

use db::consent_jobs::{expire_overdue, queue_reminder, NewReminder};
use domain::ConsentStatus;
use sqlx::PgPool;
use uuid::Uuid;

async fn practice(pool: &PgPool) -> Uuid {
    sqlx::query_scalar("insert into practice (name) values ('Praxis') returning id")
        .fetch_one(pool)
        .await
        .expect("practice")
}

/// A consent in `status` (with the evidence that status needs) expiring `expires_in` from now,
/// e.g. `'-1 hour'`.
async fn consent(pool: &PgPool, practice_id: Uuid, status: &str, expires_in: &str) -> Uuid {
    let physician: Uuid = sqlx::query_scalar(
        r#"insert into "user" (practice_id, email, role) values ($1, $2, 'ARZT') returning id"#,
    )
    .bind(practice_id)
    .bind(format!("{}@praxis.example", Uuid::new_v4()))
    .fetch_one(pool)
    .await
    .expect("physician");
    sqlx::query_scalar(
        "with s as (select $2::consent_status as status,
                           $2 in ('SIGNED', 'PAID', 'COMPLETED') as signed)
         insert into consent_form
             (practice_id, type, status, token_hash, expires_at, encrypted_responses,
              inbox_key_version, submission_id, form_version_hash, filled_at, signed_at,
              completed_at, countersigned_by, expired_at, revoked_at, revoked_by)
         select $1, 'BOTOX', s.status, sha256(gen_random_uuid()::text::bytea),
                now() + $3::interval,
                case when s.signed then 'envelope' end,
                case when s.signed then 1 end,
                case when s.signed then gen_random_uuid() end,
                case when s.signed then sha256('form'::bytea) end,
                case when s.status = 'FILLED' then now() end,
                case when s.signed then now() end,
                case when s.status = 'COMPLETED' then now() end,
                case when s.status = 'COMPLETED' then $4::uuid end,
                case when s.status = 'EXPIRED' then now() - interval '1 day' end,
                case when s.status = 'REVOKED' then now() end,
                case when s.status = 'REVOKED' then 'STAFF'::revoked_by end
         from s
         returning id",
    )
    .bind(practice_id)
    .bind(status)
    .bind(expires_in)
    .bind(physician)
    .fetch_one(pool)
    .await
    .unwrap_or_else(|e| panic!("consent {status}: {e}"))
}

async fn status_of(pool: &PgPool, id: Uuid) -> (String, bool) {
    sqlx::query_as("select status::text, expired_at is not null from consent_form where id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
        .expect("consent")
}

/// Audit entries `consent.expired` per consent id.
async fn expiry_audits(pool: &PgPool) -> Vec<(Uuid, i64)> {
    sqlx::query_as(
        "select entity_id, count(*) from audit_log where action = 'consent.expired'
         group by entity_id order by entity_id",
    )
    .fetch_all(pool)
    .await
    .expect("audit")
}

/// One expiry round in its own transaction, as the scheduler runs it.
async fn expire_round(pool: &PgPool, limit: i64) -> usize {
    let mut tx = pool.begin().await.expect("begin");
    let expired = expire_overdue(&mut tx, limit).await.expect("expire");
    tx.commit().await.expect("commit");
    expired
}

/// Stand-ins for the address and body as the app seals them (this crate never seals or opens;
/// the schema only checks the form).
const SEALED_TO: &str = "atrest.v1.c2VhbGVkIGFkZHJlc3M";
const SEALED_BODY: &str = "atrest.v1.c2VhbGVkIGJvZHk";

async fn reminder(pool: &PgPool, practice_id: Uuid, consent_id: Uuid, delay_hours: i32) -> bool {
    let mut conn = pool.acquire().await.expect("connection");
    queue_reminder(
        &mut conn,
        &NewReminder {
            id: Uuid::new_v4(),
            practice_id,
            consent_id,
            sealed_to_address: SEALED_TO,
            subject: "Erinnerung: Ihre Unterlagen von Praxis",
            sealed_body_text: SEALED_BODY,
            delay_hours,
        },
    )
    .await
    .expect("queue reminder")
}

/// Queued reminders of a consent, as (seconds until due, address).
async fn queued_reminders(pool: &PgPool, consent_id: Uuid) -> Vec<(f64, Option<String>)> {
    sqlx::query_as(
        "select extract(epoch from next_attempt_at - now())::float8, to_address from email_outbox
         where reminder_for_consent_id = $1 and status = 'QUEUED'",
    )
    .bind(consent_id)
    .fetch_all(pool)
    .await
    .expect("reminders")
}

async fn make_due(pool: &PgPool) {
    sqlx::query("update email_outbox set next_attempt_at = now() - interval '1 second'")
        .execute(pool)
        .await
        .expect("due");
}

async fn claim(pool: &PgPool) -> Vec<db::outbox::DueMail> {
    let mut conn = pool.acquire().await.expect("connection");
    db::outbox::claim_due(&mut conn, 20).await.expect("claim")
}

#[test]
fn the_statuses_that_expire_come_from_the_status_machine() {
    assert_eq!(
        db::consent_jobs::expirable_statuses(),
        [ConsentStatus::Pending, ConsentStatus::Filled]
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn expiry_takes_exactly_the_overdue_open_consents_and_audits_each_once(pool: PgPool) {
    let practice_id = practice(&pool).await;
    let pending = consent(&pool, practice_id, "PENDING", "-1 minute").await;
    let filled = consent(&pool, practice_id, "FILLED", "-3 days").await;
    let mut untouched = Vec::new();
    for (status, expires_in) in [
        ("SIGNED", "-1 day"),
        ("PAID", "-1 day"),
        ("COMPLETED", "-1 day"),
        ("REVOKED", "-1 day"),
        ("EXPIRED", "-1 day"),
        ("PENDING", "1 minute"),
        ("FILLED", "2 days"),
    ] {
        untouched.push((
            consent(&pool, practice_id, status, expires_in).await,
            status,
        ));
    }

    assert_eq!(expire_round(&pool, 100).await, 2);
    for id in [pending, filled] {
        assert_eq!(status_of(&pool, id).await, ("EXPIRED".to_owned(), true));
    }
    for (id, status) in &untouched {
        let (now, _) = status_of(&pool, *id).await;
        assert_eq!(&now, status, "{status} must not change");
    }
    let mut expected = vec![(pending, 1), (filled, 1)];
    expected.sort();
    assert_eq!(expiry_audits(&pool).await, expected);
    let entries: Vec<(Option<Uuid>, Option<String>, serde_json::Value)> = sqlx::query_as(
        "select actor_user_id, entity_type, metadata from audit_log where action = 'consent.expired'",
    )
    .fetch_all(&pool)
    .await
    .expect("entries");
    for (actor, entity_type, metadata) in entries {
        assert_eq!(actor, None, "the scheduler, not a member");
        assert_eq!(entity_type.as_deref(), Some("consent_form"));
        assert!(
            metadata == serde_json::json!({ "from": "PENDING" })
                || metadata == serde_json::json!({ "from": "FILLED" }),
            "{metadata}"
        );
    }

    assert_eq!(expire_round(&pool, 100).await, 0, "nothing left to expire");
    assert_eq!(expiry_audits(&pool).await, expected, "nor audited again");
    let mut conn = pool.acquire().await.expect("connection");
    assert_eq!(
        db::audit::verify_chain(&mut conn, practice_id)
            .await
            .expect("verify"),
        db::audit::ChainCheck::Intact { entries: 2 }
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_second_server_skips_what_the_first_holds_instead_of_expiring_it_again(pool: PgPool) {
    // Two practices in id order, so the first server's batch (ordered by practice) is exactly
    // the lower practice's consents.
    let mut practices = [practice(&pool).await, practice(&pool).await];
    practices.sort();
    let [low, high] = practices;
    let first_batch = [
        consent(&pool, low, "PENDING", "-1 hour").await,
        consent(&pool, low, "FILLED", "-1 hour").await,
    ];
    let rest = consent(&pool, high, "PENDING", "-1 hour").await;

    let mut first = pool.begin().await.expect("begin");
    assert_eq!(expire_overdue(&mut first, 2).await.expect("first"), 2);
    // While the first server's transaction is open, the second does not wait for its rows
    // and does not take them.
    let mut second = pool.begin().await.expect("begin");
    let taken = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        expire_overdue(&mut second, 100),
    )
    .await
    .expect("the second server is not blocked by the first")
    .expect("second");
    assert_eq!(taken, 1, "only the row nobody holds");
    second.commit().await.expect("commit");
    first.commit().await.expect("commit");

    assert_eq!(expire_round(&pool, 100).await, 0);
    let mut expected: Vec<(Uuid, i64)> = first_batch
        .iter()
        .chain([&rest])
        .map(|id| (*id, 1))
        .collect();
    expected.sort();
    assert_eq!(expiry_audits(&pool).await, expected);
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn expiry_runs_racing_on_many_consents_expire_and_audit_each_once(pool: PgPool) {
    let mut ids = Vec::new();
    for _ in 0..3 {
        let practice_id = practice(&pool).await;
        for n in 0..10 {
            let status = if n % 2 == 0 { "PENDING" } else { "FILLED" };
            ids.push(consent(&pool, practice_id, status, "-1 hour").await);
        }
    }
    let server = |pool: PgPool| async move {
        let mut total = 0;
        loop {
            let expired = expire_round(&pool, 4).await;
            total += expired;
            if expired == 0 {
                return total;
            }
        }
    };
    let (a, b) = tokio::join!(
        tokio::spawn(server(pool.clone())),
        tokio::spawn(server(pool.clone()))
    );
    assert_eq!(a.expect("a") + b.expect("b"), ids.len());
    ids.sort();
    assert_eq!(
        expiry_audits(&pool).await,
        ids.iter().map(|id| (*id, 1)).collect::<Vec<_>>()
    );
    let open: i64 =
        sqlx::query_scalar("select count(*) from consent_form where status <> 'EXPIRED'")
            .fetch_one(&pool)
            .await
            .expect("count");
    assert_eq!(open, 0);
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_reminder_is_queued_only_for_a_pending_link_and_due_before_its_expiry(pool: PgPool) {
    let practice_id = practice(&pool).await;
    let link = consent(&pool, practice_id, "PENDING", "7 days").await;

    assert!(reminder(&pool, practice_id, link, 48).await);
    let queued = queued_reminders(&pool, link).await;
    assert_eq!(queued.len(), 1);
    assert!((queued[0].0 - 48.0 * 3600.0).abs() < 60.0, "{queued:?}");
    assert!(claim(&pool).await.is_empty(), "not before its time");

    // Mailed again: still one reminder, timed from the newest mailing.
    assert!(reminder(&pool, practice_id, link, 24).await);
    let queued = queued_reminders(&pool, link).await;
    assert_eq!(queued.len(), 1);
    assert!((queued[0].0 - 24.0 * 3600.0).abs() < 60.0, "{queued:?}");

    // A delay reaching past the expiry queues none (and the newest mailing decides).
    assert!(!reminder(&pool, practice_id, link, 7 * 24).await);
    assert!(!reminder(&pool, practice_id, link, 200).await);
    assert!(queued_reminders(&pool, link).await.is_empty());

    for status in ["FILLED", "SIGNED", "REVOKED", "EXPIRED"] {
        let other = consent(&pool, practice_id, status, "7 days").await;
        assert!(!reminder(&pool, practice_id, other, 1).await, "{status}");
    }
    let reminded = consent(&pool, practice_id, "PENDING", "7 days").await;
    sqlx::query("update consent_form set reminder_sent_at = now() where id = $1")
        .bind(reminded)
        .execute(&pool)
        .await
        .expect("reminded");
    assert!(
        !reminder(&pool, practice_id, reminded, 1).await,
        "one reminder per link"
    );
    let other_practice = practice(&pool).await;
    let foreign = consent(&pool, other_practice, "PENDING", "7 days").await;
    assert!(
        !reminder(&pool, practice_id, foreign, 1).await,
        "never for another practice's consent"
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_reminder_is_deleted_as_soon_as_its_link_moves_on_and_never_claimed(pool: PgPool) {
    let practice_id = practice(&pool).await;
    let moves: [(&str, &str); 3] = [
        (
            "filled",
            "update consent_form set status = 'FILLED', filled_at = now() where id = $1",
        ),
        (
            "revoked",
            "update consent_form set status = 'REVOKED', revoked_at = now(), revoked_by = 'PATIENT' where id = $1",
        ),
        (
            "signed",
            "update consent_form set status = 'SIGNED', signed_at = now(), encrypted_responses = 'e',
                    inbox_key_version = 1, submission_id = gen_random_uuid(), form_version_hash = sha256('f'::bytea)
             where id = $1",
        ),
    ];
    for (what, statement) in moves {
        let link = consent(&pool, practice_id, "PENDING", "7 days").await;
        assert!(reminder(&pool, practice_id, link, 1).await);
        make_due(&pool).await;
        sqlx::query(statement)
            .bind(link)
            .execute(&pool)
            .await
            .expect(what);
        let left: i64 = sqlx::query_scalar(
            "select count(*) from email_outbox where reminder_for_consent_id = $1",
        )
        .bind(link)
        .fetch_one(&pool)
        .await
        .expect("count");
        assert_eq!(left, 0, "{what}: the address and link are gone");
    }
    assert!(claim(&pool).await.is_empty());

    // Past its expiry but not yet expired by the job: held back, then deleted by the job.
    let lapsed = consent(&pool, practice_id, "PENDING", "7 days").await;
    assert!(reminder(&pool, practice_id, lapsed, 1).await);
    make_due(&pool).await;
    sqlx::query("update consent_form set expires_at = now() - interval '1 second' where id = $1")
        .bind(lapsed)
        .execute(&pool)
        .await
        .expect("lapse");
    assert!(claim(&pool).await.is_empty(), "not sent after the expiry");
    assert_eq!(expire_round(&pool, 100).await, 1);
    assert!(queued_reminders(&pool, lapsed).await.is_empty());
    let outbox: i64 = sqlx::query_scalar("select count(*) from email_outbox")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(outbox, 0);
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_due_reminder_is_claimed_by_one_worker_and_notes_the_reminder(pool: PgPool) {
    let practice_id = practice(&pool).await;
    let link = consent(&pool, practice_id, "PENDING", "7 days").await;
    assert!(reminder(&pool, practice_id, link, 1).await);
    make_due(&pool).await;

    let (a, b) = tokio::join!(claim(&pool), claim(&pool));
    let claimed: Vec<_> = a.into_iter().chain(b).collect();
    assert_eq!(claimed.len(), 1, "leased to one worker");
    assert!(claimed[0].sealed_at_rest, "to be opened by the worker");
    assert_eq!(
        (
            claimed[0].to_address.as_str(),
            claimed[0].body_text.as_str()
        ),
        (SEALED_TO, SEALED_BODY)
    );
    let mut conn = pool.acquire().await.expect("connection");
    db::outbox::mark_sent(&mut conn, claimed[0].id)
        .await
        .expect("sent");
    let (reminded, to): (bool, Option<String>) = sqlx::query_as(
        "select c.reminder_sent_at is not null, o.to_address
         from consent_form c join email_outbox o on o.reminder_for_consent_id = c.id
         where c.id = $1",
    )
    .bind(link)
    .fetch_one(&pool)
    .await
    .expect("row");
    assert!(reminded, "reminder_sent_at set");
    assert_eq!(to, None, "the address is forgotten once sent");
    assert!(
        !reminder(&pool, practice_id, link, 1).await,
        "mailing the link again does not remind twice"
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_reminder_is_stored_only_sealed_under_the_callers_row_id(pool: PgPool) {
    let practice_id = practice(&pool).await;
    let link = consent(&pool, practice_id, "PENDING", "7 days").await;
    let id = Uuid::new_v4();
    let mut conn = pool.acquire().await.expect("connection");
    let queue = |to: &'static str, body: &'static str, id: Uuid| NewReminder {
        id,
        practice_id,
        consent_id: link,
        sealed_to_address: to,
        subject: "Erinnerung: Ihre Unterlagen von Praxis",
        sealed_body_text: body,
        delay_hours: 1,
    };
    assert!(
        queue_reminder(&mut conn, &queue(SEALED_TO, SEALED_BODY, id))
            .await
            .expect("queue")
    );
    let (stored_id, sealed): (Uuid, bool) = sqlx::query_as(
        "select id, sealed_at_rest from email_outbox where reminder_for_consent_id = $1",
    )
    .bind(link)
    .fetch_one(&pool)
    .await
    .expect("row");
    assert_eq!(
        (stored_id, sealed),
        (id, true),
        "the id the seal is bound to"
    );

    // Whatever a caller passes, the schema keeps a reminder's address and link out of clear text.
    for (to, body) in [
        ("patientin@example.org", SEALED_BODY),
        (SEALED_TO, "http://127.0.0.1:3000/c#TOKEN"),
        (SEALED_TO, "atrest.v1.not base64"),
    ] {
        let mut tx = pool.begin().await.expect("begin");
        let refused = queue_reminder(&mut tx, &queue(to, body, Uuid::new_v4())).await;
        assert!(refused.is_err(), "{to} / {body}");
        tx.rollback().await.expect("rollback");
    }
    let unsealed = sqlx::query(
        "insert into email_outbox (practice_id, to_address, subject, body_text, reminder_for_consent_id)
         values ($1, 'patientin@example.org', 'Erinnerung', 'http://127.0.0.1:3000/c#TOKEN', $2)",
    )
    .bind(practice_id)
    .bind(link)
    .execute(&pool)
    .await;
    assert!(unsealed.is_err(), "a reminder must be sealed at rest");
    let html =
        sqlx::query("update email_outbox set body_html = '<a href=\"/c#TOKEN\">' where id = $1")
            .bind(id)
            .execute(&pool)
            .await;
    assert!(html.is_err(), "no clear HTML beside a sealed body");

    // Sent: address and body cleared, which the check allows.
    db::outbox::mark_sent(&mut conn, id).await.expect("sent");
    let (to, body): (Option<String>, String) =
        sqlx::query_as("select to_address, body_text from email_outbox where id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .expect("row");
    assert_eq!((to, body.as_str()), (None, ""));
}
