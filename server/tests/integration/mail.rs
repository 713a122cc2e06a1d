//! Mail delivery from the outbox: over real SMTP (the test mail server), into the local
//! outbox directory, and retries when the SMTP server cannot be reached.

use std::sync::Arc;

use server::mail::Mailer;
use server::settings::{MailSettings, Redacted};

use crate::support::*;

/// One mail round (nothing here is sealed at rest, so any deployment secret does).
async fn send_due_mail(pool: &PgPool, mailer: &Mailer) -> Result<usize, db::DbError> {
    server::scheduler::send_due_mail(pool, mailer, &server::scheduler::outbox_key(&[0; 32])).await
}

fn settings(smtp_url: Option<String>, outbox_dir: std::path::PathBuf) -> MailSettings {
    MailSettings {
        smtp_url: smtp_url.map(Redacted::new),
        from: "Derma Consent <no-reply@derma-consent.test>".to_owned(),
        outbox_dir,
        poll: Duration::from_secs(1),
    }
}

async fn queue(pool: &PgPool, to: &str) -> uuid::Uuid {
    let mut conn = pool.acquire().await.expect("connection");
    db::outbox::enqueue(
        &mut conn,
        &db::outbox::NewMail {
            practice_id: None,
            to_address: to,
            subject: "Bitte bestätigen Sie Ihre E-Mail-Adresse",
            body_text: "Guten Tag,\n\nhttp://127.0.0.1:3000/verify-email#abc\n\nÄrztin Müller",
        },
    )
    .await
    .expect("enqueue")
}

async fn row(
    pool: &PgPool,
    id: uuid::Uuid,
) -> (String, Option<String>, String, i32, Option<String>) {
    sqlx::query_as(
        "select status::text, to_address, body_text, attempts, last_error from email_outbox where id = $1",
    )
    .bind(id)
    .fetch_one(pool)
    .await
    .expect("row")
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn queued_mail_goes_out_over_smtp_and_is_forgotten_once_sent(pool: PgPool) {
    let sink = MailSink::start();
    let mailer = Mailer::from_settings(&settings(
        Some(format!("smtp://127.0.0.1:{}", sink.port)),
        std::env::temp_dir(),
    ))
    .expect("mailer");
    let id = queue(&pool, "chefin@praxis.example").await;

    assert_eq!(send_due_mail(&pool, &mailer).await.expect("round"), 1);
    let messages = sink.messages();
    assert_eq!(messages.len(), 1);
    let mail = &messages[0];
    assert_eq!(mail["to"][0], "chefin@praxis.example");
    assert_eq!(mail["from"], "no-reply@derma-consent.test");
    assert_eq!(mail["subject"], "Bitte bestätigen Sie Ihre E-Mail-Adresse");
    let text = mail["text"].as_str().expect("text");
    assert!(
        text.contains("http://127.0.0.1:3000/verify-email#abc") && text.contains("Ärztin Müller"),
        "links and umlauts arrive intact: {text}"
    );
    let (status, to, body, attempts, _) = row(&pool, id).await;
    assert_eq!(
        (status.as_str(), to, body.as_str(), attempts),
        ("SENT", None, "", 1)
    );
    assert_eq!(
        send_due_mail(&pool, &mailer).await.expect("round"),
        0,
        "sent once, never again"
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn an_unreachable_smtp_server_means_a_later_retry_and_no_address_in_the_error(pool: PgPool) {
    // A port nobody listens on: the connection is refused.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    drop(listener);
    let mailer = Mailer::from_settings(&settings(
        Some(format!("smtp://127.0.0.1:{port}")),
        std::env::temp_dir(),
    ))
    .expect("mailer");
    let id = queue(&pool, "chefin@praxis.example").await;
    assert_eq!(send_due_mail(&pool, &mailer).await.expect("round"), 0);
    let (status, to, _, attempts, error) = row(&pool, id).await;
    assert_eq!(status, "QUEUED");
    assert_eq!(
        to.as_deref(),
        Some("chefin@praxis.example"),
        "kept for the retry"
    );
    assert_eq!(attempts, 1);
    let error = error.expect("reason recorded");
    assert!(!error.contains("chefin"), "{error}");
    let later: bool = sqlx::query_scalar(
        "select next_attempt_at > now() + interval '20 seconds' from email_outbox where id = $1",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .expect("next attempt");
    assert!(later, "backs off before the next attempt");
    assert_eq!(
        send_due_mail(&pool, &mailer).await.expect("round"),
        0,
        "not due again yet"
    );

    // The last allowed attempt fails for good and forgets the recipient.
    sqlx::query("update email_outbox set attempts = $2 - 1, next_attempt_at = now() where id = $1")
        .bind(id)
        .bind(db::outbox::MAX_ATTEMPTS)
        .execute(&pool)
        .await
        .expect("fast-forward");
    send_due_mail(&pool, &mailer).await.expect("round");
    let (status, to, body, _, _) = row(&pool, id).await;
    assert_eq!((status.as_str(), to, body.as_str()), ("FAILED", None, ""));
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn without_smtp_mail_lands_in_the_local_outbox_directory(pool: PgPool) {
    let dir = std::env::temp_dir().join(format!("derma-outbox-{}", uuid::Uuid::new_v4()));
    let mailer = Arc::new(Mailer::from_settings(&settings(None, dir.clone())).expect("mailer"));
    queue(&pool, "chefin@praxis.example").await;
    assert_eq!(send_due_mail(&pool, &mailer).await.expect("round"), 1);
    let files: Vec<_> = std::fs::read_dir(&dir)
        .expect("outbox exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(files[0].extension().and_then(|e| e.to_str()), Some("eml"));
    let raw = std::fs::read_to_string(&files[0]).expect("eml");
    assert!(raw.contains("To: chefin@praxis.example"), "{raw}");
    std::fs::remove_dir_all(dir).expect("clean up");
}
