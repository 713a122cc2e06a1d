//! The scheduler's consent work through the real app: mailing a link queues its one reminder
//! after the practice's delay; the reminder goes out once (even with two workers), only while
//! the link is untouched, and says nothing about the treatment or the patient; the expiry job
//! run by two servers at once expires and audits each consent once. While it waits, the
//! reminder's address and link are only sealed at rest: no outbox row holds them in clear, and
//! only a server with the deployment's secret opens them.

use app::consents::CreatedConsentLink;
use db::outbox::{sealed_aad, SealedColumn};
use server::mail::Mailer;
use server::scheduler::{expire_consents, outbox_key};
use server::settings::{MailSettings, Redacted};

use crate::support::*;

const EMPFANG: &str = "empfang@demo.derma-consent.test";
const PATIENT: &str = "patientin@example.org";

/// A link for a demo patient, valid `days`, made and mailed by reception.
async fn mailed_link(pool: &PgPool, cookie: &str, days: i32, to: &str) -> CreatedConsentLink {
    let patient: uuid::Uuid =
        sqlx::query_scalar("select id from patient order by created_at limit 1")
            .fetch_one(pool)
            .await
            .expect("patient");
    let body = serde_json::json!({ "request": {
        "patient_id": patient.to_string(), "kind": "BOTOX", "valid_days": days,
        "fee_cents": null, "locale": "de",
    }})
    .to_string();
    let answer = post_body(
        router(pool.clone()),
        "/api/create_consent_link",
        "application/json",
        &body,
        Some(cookie),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let created: CreatedConsentLink = serde_json::from_str(&answer.body).expect("json");
    let form = format!(
        "consent_id={}&link={}&email={}",
        created.consent_id,
        form_value(&created.link),
        form_value(to)
    );
    let sent = post_form(
        router(pool.clone()),
        "/api/send_consent_link",
        &form,
        Some(cookie),
    )
    .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    created
}

/// A mail round of a server of the test deployment.
async fn send_due_mail(pool: &PgPool, mailer: &Mailer) -> Result<usize, db::DbError> {
    server::scheduler::send_due_mail(pool, mailer, &outbox_key(&SECRET)).await
}

/// A queued reminder as stored, and its address and body as the deployment's key opens them.
struct Reminder {
    due_in_secs: f64,
    sealed: bool,
    stored_to: Option<String>,
    stored_body: String,
    to: Option<String>,
    subject: String,
    body: String,
}

async fn reminders(pool: &PgPool, consent: &str) -> Vec<Reminder> {
    let rows: Vec<(uuid::Uuid, f64, bool, Option<String>, String, String)> = sqlx::query_as(
        "select id, extract(epoch from next_attempt_at - now())::float8, sealed_at_rest,
                to_address, subject, body_text
         from email_outbox where reminder_for_consent_id = $1::uuid and status = 'QUEUED'",
    )
    .bind(consent)
    .fetch_all(pool)
    .await
    .expect("reminders");
    rows.into_iter()
        .map(|(id, due_in_secs, sealed, to, subject, body)| Reminder {
            due_in_secs,
            sealed,
            to: to
                .as_deref()
                .map(|to| open_sealed_mail(id, to, SealedColumn::ToAddress)),
            body: open_sealed_mail(id, &body, SealedColumn::BodyText),
            stored_to: to,
            stored_body: body,
            subject,
        })
        .collect()
}

/// Every row of `email_outbox`, each column included, as text.
async fn outbox_rows(pool: &PgPool) -> Vec<String> {
    sqlx::query_scalar("select to_jsonb(o)::text from email_outbox o")
        .fetch_all(pool)
        .await
        .expect("outbox")
}

/// The token of a link as `create` shows it (`…/c#<token>`).
fn token_of(link: &CreatedConsentLink) -> &str {
    link.link.rsplit_once('#').expect("a fragment").1
}

async fn set_reminders(pool: &PgPool, enabled: bool, delay_hours: i32) {
    sqlx::query("update practice_settings set reminder_enabled = $1, reminder_delay_hours = $2")
        .bind(enabled)
        .bind(delay_hours)
        .execute(pool)
        .await
        .expect("settings");
}

fn local_mailer() -> (Mailer, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("derma-reminders-{}", uuid::Uuid::new_v4()));
    let mailer = Mailer::from_settings(&MailSettings {
        smtp_url: None,
        from: "Derma Consent <no-reply@derma-consent.test>".to_owned(),
        outbox_dir: dir.clone(),
        poll: Duration::from_secs(1),
    })
    .expect("mailer");
    (mailer, dir)
}

fn delivered(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| entries.filter_map(Result::ok).count())
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn mailing_a_link_queues_one_reminder_after_the_practice_delay(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (cookie, _) = demo_sign_in(&pool, EMPFANG).await;
    set_reminders(&pool, true, 30).await;

    let link = mailed_link(&pool, &cookie, 7, "vertippt@example.org").await;
    let queued = reminders(&pool, &link.consent_id).await;
    assert_eq!(queued.len(), 1);
    assert!(
        (queued[0].due_in_secs - 30.0 * 3600.0).abs() < 60.0,
        "due after the practice's delay: {}",
        queued[0].due_in_secs
    );
    let reminder = &queued[0];
    assert!(reminder.sealed, "sealed at rest");
    for stored in [
        reminder.stored_to.as_deref().expect("to"),
        &reminder.stored_body,
    ] {
        assert!(stored.starts_with("atrest.v1."), "{stored}");
        assert!(
            !stored.contains(token_of(&link)) && !stored.contains("vertippt"),
            "{stored}"
        );
    }
    assert!(
        !reminder.subject.contains(token_of(&link)) && !reminder.subject.contains('@'),
        "{}",
        reminder.subject
    );
    assert_eq!(reminder.to.as_deref(), Some("vertippt@example.org"));
    assert!(
        reminder.subject.contains("Hautarztpraxis Dr. Demo"),
        "{}",
        reminder.subject
    );
    assert!(
        reminder.body.contains(&link.link) && reminder.body.contains("Hautarztpraxis Dr. Demo"),
        "{}",
        reminder.body
    );
    for private in ["Botox", "BOTOX", "Erika", "Mustermann", "Jürgen", "Ayşe"] {
        assert!(
            !reminder.body.contains(private) && !reminder.subject.contains(private),
            "{private} in {}",
            reminder.body
        );
    }

    // Mailed again to a corrected address: still one reminder, to that address.
    let form = format!(
        "consent_id={}&link={}&email={}",
        link.consent_id,
        form_value(&link.link),
        form_value(PATIENT)
    );
    let again = post_form(
        router(pool.clone()),
        "/api/send_consent_link",
        &form,
        Some(&cookie),
    )
    .await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    let queued = reminders(&pool, &link.consent_id).await;
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].to.as_deref(), Some(PATIENT));

    // A delay ending after the link's last moment: none.
    set_reminders(&pool, true, 72).await;
    let short = mailed_link(&pool, &cookie, 3, PATIENT).await;
    assert!(reminders(&pool, &short.consent_id).await.is_empty());
    set_reminders(&pool, true, 71).await;
    let just = mailed_link(&pool, &cookie, 3, PATIENT).await;
    assert_eq!(reminders(&pool, &just.consent_id).await.len(), 1);

    // Reminders switched off: none.
    set_reminders(&pool, false, 24).await;
    let off = mailed_link(&pool, &cookie, 7, PATIENT).await;
    assert!(reminders(&pool, &off.consent_id).await.is_empty());
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_due_reminder_goes_out_once_with_two_workers_and_is_noted_on_the_consent(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (cookie, _) = demo_sign_in(&pool, EMPFANG).await;
    set_reminders(&pool, true, 24).await;
    let link = mailed_link(&pool, &cookie, 7, PATIENT).await;
    let (mailer, dir) = local_mailer();
    assert_eq!(
        send_due_mail(&pool, &mailer).await.expect("round"),
        1,
        "the link mail"
    );
    assert_eq!(delivered(&dir), 1);

    sqlx::query(
        "update email_outbox set next_attempt_at = now() where reminder_for_consent_id = $1::uuid",
    )
    .bind(&link.consent_id)
    .execute(&pool)
    .await
    .expect("due");
    let (a, b) = tokio::join!(send_due_mail(&pool, &mailer), send_due_mail(&pool, &mailer));
    assert_eq!(a.expect("a") + b.expect("b"), 1, "sent by one worker");
    assert_eq!(delivered(&dir), 2);
    let (reminded, to, body): (bool, Option<String>, String) = sqlx::query_as(
        "select c.reminder_sent_at is not null, o.to_address, o.body_text
         from consent_form c join email_outbox o on o.reminder_for_consent_id = c.id
         where c.id = $1::uuid",
    )
    .bind(&link.consent_id)
    .fetch_one(&pool)
    .await
    .expect("reminder");
    assert!(reminded, "reminder_sent_at set");
    assert_eq!(
        (to, body.as_str()),
        (None, ""),
        "address and link forgotten"
    );
    assert_eq!(
        send_due_mail(&pool, &mailer).await.expect("round"),
        0,
        "never again"
    );
    std::fs::remove_dir_all(dir).expect("clean up");
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_waiting_reminder_is_sealed_at_rest_and_still_delivered_with_its_link(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (cookie, _) = demo_sign_in(&pool, EMPFANG).await;
    set_reminders(&pool, true, 720).await;
    let link = mailed_link(&pool, &cookie, 60, PATIENT).await;
    let token = token_of(&link);
    // Not even the link mail, about to go out, holds the link or the address in clear.
    let in_clear: Vec<Option<uuid::Uuid>> = sqlx::query_scalar(
        "select reminder_for_consent_id from email_outbox o
         where strpos(to_jsonb(o)::text, $1) > 0 or strpos(to_jsonb(o)::text, $2) > 0",
    )
    .bind(token)
    .bind(PATIENT)
    .fetch_all(&pool)
    .await
    .expect("scan");
    assert_eq!(in_clear, [], "nothing readable while the mails wait");

    let sink = MailSink::start();
    let mailer = Mailer::from_settings(&MailSettings {
        smtp_url: Some(Redacted::new(format!("smtp://127.0.0.1:{}", sink.port))),
        from: "Derma Consent <no-reply@derma-consent.test>".to_owned(),
        outbox_dir: std::env::temp_dir(),
        poll: Duration::from_secs(1),
    })
    .expect("mailer");
    assert_eq!(
        send_due_mail(&pool, &mailer).await.expect("round"),
        1,
        "the link mail"
    );

    // The reminder waits (up to 30 days): a stolen database or backup of this moment holds
    // neither the link's token nor the patient's address, in any column.
    let rows = outbox_rows(&pool).await;
    assert_eq!(rows.len(), 2, "the sent link mail and the waiting reminder");
    for row in &rows {
        for secret in [token, PATIENT, "patientin"] {
            assert!(!row.contains(secret), "{secret} in {row}");
        }
    }
    let waiting = reminders(&pool, &link.consent_id).await;
    assert_eq!(waiting.len(), 1);
    assert!(waiting[0].sealed && waiting[0].body.contains(&link.link));
    assert!(
        !waiting[0].subject.contains(token) && !waiting[0].subject.contains('@'),
        "{}",
        waiting[0].subject
    );

    sqlx::query(
        "update email_outbox set next_attempt_at = now() where reminder_for_consent_id = $1::uuid",
    )
    .bind(&link.consent_id)
    .execute(&pool)
    .await
    .expect("due");
    assert_eq!(
        send_due_mail(&pool, &mailer).await.expect("round"),
        1,
        "the reminder"
    );
    let messages = sink.messages();
    assert_eq!(messages.len(), 2);
    let reminder = &messages[1];
    assert_eq!(reminder["to"][0], PATIENT);
    assert_eq!(
        reminder["subject"],
        "Erinnerung: Ihre Unterlagen von Hautarztpraxis Dr. Demo"
    );
    let text = reminder["text"].as_str().expect("text");
    assert!(
        text.contains(&link.link) && text.contains("Hautarztpraxis Dr. Demo"),
        "the link arrives whole: {text}"
    );
    assert!(!text.contains("atrest."), "{text}");
    for row in outbox_rows(&pool).await {
        for secret in [token, PATIENT] {
            assert!(!row.contains(secret), "{secret} in {row}");
        }
    }
    let reminded: bool = sqlx::query_scalar(
        "select reminder_sent_at is not null from consent_form where id = $1::uuid",
    )
    .bind(&link.consent_id)
    .fetch_one(&pool)
    .await
    .expect("consent");
    assert!(reminded);
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_reminder_sealed_under_another_secret_is_given_up_unread(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (cookie, _) = demo_sign_in(&pool, EMPFANG).await;
    set_reminders(&pool, true, 24).await;
    let link = mailed_link(&pool, &cookie, 7, PATIENT).await;
    let (mailer, dir) = local_mailer();
    assert_eq!(
        send_due_mail(&pool, &mailer).await.expect("round"),
        1,
        "the link mail"
    );

    let (id, to, body): (uuid::Uuid, String, String) = sqlx::query_as(
        "select id, to_address, body_text from email_outbox
         where reminder_for_consent_id = $1::uuid",
    )
    .bind(&link.consent_id)
    .fetch_one(&pool)
    .await
    .expect("reminder");
    let other = outbox_key(&[9; 32]);
    assert!(other
        .open(&to, &sealed_aad(id, SealedColumn::ToAddress))
        .is_err());
    assert!(other
        .open(&body, &sealed_aad(id, SealedColumn::BodyText))
        .is_err());
    // Bound to its row and column: moved elsewhere, it does not open with the right key either.
    let right = outbox_key(&SECRET);
    assert!(right
        .open(&body, &sealed_aad(id, SealedColumn::BodyText))
        .is_ok());
    assert!(right
        .open(
            &body,
            &sealed_aad(uuid::Uuid::new_v4(), SealedColumn::BodyText)
        )
        .is_err());
    assert!(right
        .open(&body, &sealed_aad(id, SealedColumn::ToAddress))
        .is_err());

    // A server whose DERMA_SERVER_SECRET changed cannot send it: given up, nothing delivered.
    sqlx::query(
        "update email_outbox set next_attempt_at = now() where reminder_for_consent_id = $1::uuid",
    )
    .bind(&link.consent_id)
    .execute(&pool)
    .await
    .expect("due");
    assert_eq!(
        server::scheduler::send_due_mail(&pool, &mailer, &other)
            .await
            .expect("round"),
        0
    );
    assert_eq!(delivered(&dir), 1, "only the link mail");
    let (status, to, body, error, reminded): (
        String,
        Option<String>,
        String,
        Option<String>,
        bool,
    ) = sqlx::query_as(
        "select o.status::text, o.to_address, o.body_text, o.last_error,
                    c.reminder_sent_at is not null
             from email_outbox o join consent_form c on c.id = o.reminder_for_consent_id
             where o.id = $1",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .expect("row");
    assert_eq!((status.as_str(), to, body.as_str()), ("FAILED", None, ""));
    assert_eq!(
        error.as_deref(),
        Some("sealed at rest under another server secret")
    );
    assert!(!reminded);
    assert_eq!(
        send_due_mail(&pool, &mailer).await.expect("round"),
        0,
        "not retried"
    );
    std::fs::remove_dir_all(dir).expect("clean up");
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_reminder_of_a_link_that_moved_on_is_deleted_and_not_sent(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (cookie, _) = demo_sign_in(&pool, EMPFANG).await;
    set_reminders(&pool, true, 24).await;
    let (mailer, dir) = local_mailer();
    let filled = mailed_link(&pool, &cookie, 7, PATIENT).await;
    let revoked = mailed_link(&pool, &cookie, 7, PATIENT).await;
    let lapsed = mailed_link(&pool, &cookie, 7, PATIENT).await;
    assert_eq!(
        send_due_mail(&pool, &mailer).await.expect("round"),
        3,
        "the link mails"
    );
    sqlx::query(
        "update email_outbox set next_attempt_at = now() where reminder_for_consent_id is not null",
    )
    .execute(&pool)
    .await
    .expect("due");

    for (consent, statement) in [
        (&filled, "update consent_form set status = 'FILLED', filled_at = now() where id = $1::uuid"),
        (&revoked, "update consent_form set status = 'REVOKED', revoked_at = now(), revoked_by = 'STAFF' where id = $1::uuid"),
        (&lapsed, "update consent_form set expires_at = now() - interval '1 second' where id = $1::uuid"),
    ] {
        sqlx::query(statement)
            .bind(&consent.consent_id)
            .execute(&pool)
            .await
            .expect("move on");
    }
    assert_eq!(send_due_mail(&pool, &mailer).await.expect("round"), 0);
    assert_eq!(delivered(&dir), 3, "no reminder went out");
    assert!(reminders(&pool, &filled.consent_id).await.is_empty());
    assert!(reminders(&pool, &revoked.consent_id).await.is_empty());
    assert_eq!(
        reminders(&pool, &lapsed.consent_id).await.len(),
        1,
        "held back until the expiry job"
    );
    assert_eq!(expire_consents(&pool).await.expect("expire"), 1);
    let left: i64 = sqlx::query_scalar(
        "select count(*) from email_outbox where reminder_for_consent_id is not null",
    )
    .fetch_one(&pool)
    .await
    .expect("count");
    assert_eq!(left, 0, "no address or link lingers");
    let reminded: i64 =
        sqlx::query_scalar("select count(*) from consent_form where reminder_sent_at is not null")
            .fetch_one(&pool)
            .await
            .expect("count");
    assert_eq!(reminded, 0);
    std::fs::remove_dir_all(dir).expect("clean up");
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn two_servers_expiring_at_once_expire_and_audit_each_consent_once(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (cookie, _) = demo_sign_in(&pool, EMPFANG).await;
    let mut overdue = Vec::new();
    for _ in 0..6 {
        overdue.push(mailed_link(&pool, &cookie, 7, PATIENT).await.consent_id);
    }
    let future = mailed_link(&pool, &cookie, 7, PATIENT).await.consent_id;
    sqlx::query("update consent_form set expires_at = now() - interval '1 minute' where id = any($1::uuid[])")
        .bind(
            overdue
                .iter()
                .map(|id| id.parse::<uuid::Uuid>().expect("id"))
                .collect::<Vec<_>>(),
        )
        .execute(&pool)
        .await
        .expect("overdue");
    let open_before: i64 = sqlx::query_scalar(
        "select count(*) from consent_form where status in ('PENDING', 'FILLED') and expires_at <= now()",
    )
    .fetch_one(&pool)
    .await
    .expect("count");

    let (a, b) = tokio::join!(expire_consents(&pool), expire_consents(&pool));
    let expired = a.expect("a") + b.expect("b");
    assert_eq!(
        i64::try_from(expired).expect("count"),
        open_before,
        "every overdue open consent (the seed's included), once"
    );
    let twice: i64 = sqlx::query_scalar(
        "select count(*) from (select entity_id from audit_log where action = 'consent.expired'
                               group by entity_id having count(*) > 1) t",
    )
    .fetch_one(&pool)
    .await
    .expect("count");
    assert_eq!(twice, 0, "nobody audited twice");
    for id in &overdue {
        let (status, audits): (String, i64) = sqlx::query_as(
            "select status::text, (select count(*) from audit_log
                                   where action = 'consent.expired' and entity_id = $1::uuid)
             from consent_form where id = $1::uuid",
        )
        .bind(id)
        .fetch_one(&pool)
        .await
        .expect("consent");
        assert_eq!((status.as_str(), audits), ("EXPIRED", 1));
    }
    let status: String =
        sqlx::query_scalar("select status::text from consent_form where id = $1::uuid")
            .bind(&future)
            .fetch_one(&pool)
            .await
            .expect("future");
    assert_eq!(status, "PENDING");
    assert!(
        reminders(&pool, &overdue[0]).await.is_empty(),
        "their reminders went with them"
    );
    assert_eq!(expire_consents(&pool).await.expect("again"), 0);
}
