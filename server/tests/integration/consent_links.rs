//! Consent links through the real router: made by any role for a patient of the practice (or
//! nobody), only for enabled types and sane validity and fee; the token is shown once and
//! stored as its hash; the mail to the patient names the practice and nothing else.

use app::consents::CreatedConsentLink;

use crate::support::*;

const EMPFANG: &str = "empfang@demo.derma-consent.test";

async fn create(pool: &PgPool, cookie: &str, request: serde_json::Value) -> (u16, String) {
    let body = serde_json::json!({ "request": request }).to_string();
    let answer = post_body(
        router(pool.clone()),
        "/api/create_consent_link",
        "application/json",
        &body,
        Some(cookie),
    )
    .await;
    (answer.status.as_u16(), answer.body)
}

async fn send(pool: &PgPool, cookie: &str, consent: &str, link: &str, to: &str) -> u16 {
    let form = format!(
        "consent_id={consent}&link={}&email={}",
        form_value(link),
        form_value(to)
    );
    post_form(
        router(pool.clone()),
        "/api/send_consent_link",
        &form,
        Some(cookie),
    )
    .await
    .status
    .as_u16()
}

async fn a_demo_patient(pool: &PgPool) -> uuid::Uuid {
    sqlx::query_scalar("select id from patient order by created_at limit 1")
        .fetch_one(pool)
        .await
        .expect("patient")
}

async fn consent_count(pool: &PgPool) -> i64 {
    sqlx::query_scalar("select count(*) from consent_form")
        .fetch_one(pool)
        .await
        .expect("count")
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn reception_makes_a_link_for_a_patient_and_only_its_hash_is_kept(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (cookie, _) = demo_sign_in(&pool, EMPFANG).await;
    let patient = a_demo_patient(&pool).await;
    let (status, body) = create(
        &pool,
        &cookie,
        serde_json::json!({
            "patient_id": patient.to_string(), "kind": "FILLER", "valid_days": 10,
            "fee_cents": 35_000, "locale": "en",
        }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let created: CreatedConsentLink = serde_json::from_str(&body).expect("json");
    let (path, token) = created.link.split_once('#').expect("token in the fragment");
    assert!(path.ends_with("/c"), "{path}");
    let token = crypto::Token::from_text(token).expect("a whole token");
    assert!(created.qr.size > 20 && !created.qr.path.is_empty());

    let row: (
        String,
        String,
        Option<i32>,
        String,
        Vec<u8>,
        f64,
        uuid::Uuid,
    ) = sqlx::query_as(
        "select type::text, status::text, fee_cents, locale, token_hash,
                extract(epoch from expires_at - created_at)::float8, patient_id
         from consent_form where id = $1::uuid",
    )
    .bind(&created.consent_id)
    .fetch_one(&pool)
    .await
    .expect("consent");
    assert_eq!((row.0.as_str(), row.1.as_str()), ("FILLER", "PENDING"));
    assert_eq!(row.2, Some(35_000));
    assert_eq!(row.3, "en");
    assert_eq!(
        row.4,
        token.hash().as_bytes().to_vec(),
        "only the hash is stored"
    );
    assert!((row.5 - 10.0 * 86_400.0).abs() < 5.0, "ten days: {}", row.5);
    assert_eq!(row.6, patient);
    let anywhere: i64 = sqlx::query_scalar(
        "select (select count(*) from consent_form c where to_jsonb(c)::text like '%' || $1 || '%')
              + (select count(*) from audit_log a where to_jsonb(a)::text like '%' || $1 || '%')",
    )
    .bind(token.to_text().as_str())
    .fetch_one(&pool)
    .await
    .expect("scan");
    assert_eq!(anywhere, 0, "the token itself is stored nowhere");
    let metadata: serde_json::Value = sqlx::query_scalar(
        "select metadata from audit_log where action = 'consent.created' and entity_id = $1::uuid",
    )
    .bind(&created.consent_id)
    .fetch_one(&pool)
    .await
    .expect("audited");
    assert_eq!(metadata["type"], "FILLER");
    assert_eq!(metadata["patient_known"], true);

    // The patient's page lists it.
    let record = post_form(
        router(pool.clone()),
        "/api/open_patient_record",
        &format!("patient_id={patient}"),
        Some(&cookie),
    )
    .await;
    let record: app::patients::PatientRecord = serde_json::from_str(&record.body).expect("json");
    assert!(record.consents.iter().any(|c| c.id == created.consent_id));

    // Without a patient: matched when the submission is reviewed.
    let (status, body) = create(
        &pool,
        &cookie,
        serde_json::json!({ "patient_id": null, "kind": "BOTOX", "valid_days": 7, "fee_cents": null, "locale": "de" }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_link_outside_the_practice_settings_or_with_bad_numbers_is_refused(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (cookie, _) = demo_sign_in(&pool, EMPFANG).await;
    sqlx::query(
        "update practice_settings set enabled_consent_types = array['BOTOX']::consent_type[]",
    )
    .execute(&pool)
    .await
    .expect("settings");
    let before = consent_count(&pool).await;
    let request = |kind: &str,
                   days: i32,
                   fee: Option<i32>,
                   locale: &str,
                   patient: Option<String>| {
        serde_json::json!({ "patient_id": patient, "kind": kind, "valid_days": days, "fee_cents": fee, "locale": locale })
    };
    for (why, body, expected) in [
        (
            "type not enabled",
            request("LASER", 7, None, "de", None),
            400,
        ),
        ("no days", request("BOTOX", 0, None, "de", None), 400),
        ("too many days", request("BOTOX", 91, None, "de", None), 400),
        (
            "negative fee",
            request("BOTOX", 7, Some(-1), "de", None),
            400,
        ),
        (
            "huge fee",
            request("BOTOX", 7, Some(1_000_001), "de", None),
            400,
        ),
        (
            "unknown language",
            request("BOTOX", 7, None, "fr", None),
            400,
        ),
        (
            "unknown patient",
            request(
                "BOTOX",
                7,
                None,
                "de",
                Some(uuid::Uuid::new_v4().to_string()),
            ),
            404,
        ),
        (
            "malformed patient id",
            request("BOTOX", 7, None, "de", Some("x".to_owned())),
            404,
        ),
    ] {
        let (status, answer) = create(&pool, &cookie, body).await;
        assert_eq!(status, expected, "{why}: {answer}");
    }
    assert_eq!(consent_count(&pool).await, before, "nothing stored");
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn the_mail_carries_the_link_and_the_practice_name_and_nothing_about_the_patient(
    pool: PgPool,
) {
    server::seed::seed(&pool).await.expect("seed");
    let (cookie, _) = demo_sign_in(&pool, EMPFANG).await;
    let patient = a_demo_patient(&pool).await;
    let (_, body) = create(
        &pool,
        &cookie,
        serde_json::json!({ "patient_id": patient.to_string(), "kind": "BOTOX", "valid_days": 7, "fee_cents": null, "locale": "de" }),
    )
    .await;
    let created: CreatedConsentLink = serde_json::from_str(&body).expect("json");
    let to = "patientin@example.org";

    // Holding the id is not enough: the link itself is the proof.
    let other = crypto::Token::generate();
    let forged = format!("http://127.0.0.1:3000/c#{}", other.to_text().as_str());
    assert_eq!(
        send(&pool, &cookie, &created.consent_id, &forged, to).await,
        404
    );
    assert_eq!(
        send(
            &pool,
            &cookie,
            &created.consent_id,
            &created.link,
            "kein-at"
        )
        .await,
        400
    );
    let unknown = uuid::Uuid::new_v4().to_string();
    assert_eq!(send(&pool, &cookie, &unknown, &created.link, to).await, 404);

    assert_eq!(
        send(&pool, &cookie, &created.consent_id, &created.link, to).await,
        200
    );
    // Waiting for the mail server, the row holds neither the address nor the link readable.
    let (id, sealed, stored_to, subject, stored_text, row): (
        uuid::Uuid,
        bool,
        String,
        String,
        String,
        String,
    ) = sqlx::query_as(
        "select id, sealed_at_rest, to_address, subject, body_text, to_jsonb(o)::text
         from email_outbox o where reminder_for_consent_id is null and status = 'QUEUED'",
    )
    .fetch_one(&pool)
    .await
    .expect("queued");
    assert!(sealed, "sealed at rest");
    let token = created.link.rsplit_once('#').expect("fragment").1;
    for plain in [to, token, created.link.as_str()] {
        assert!(!row.contains(plain), "{plain} readable in {row}");
    }
    assert_eq!(
        open_sealed_mail(id, &stored_to, db::outbox::SealedColumn::ToAddress),
        to
    );
    let text = open_sealed_mail(id, &stored_text, db::outbox::SealedColumn::BodyText);
    assert!(subject.contains("Hautarztpraxis Dr. Demo"), "{subject}");
    assert!(text.contains(&created.link), "{text}");
    for private in ["Botox", "BOTOX", "Erika", "Mustermann", "Jürgen", "Ayşe"] {
        assert!(
            !text.contains(private) && !subject.contains(private),
            "{private} in {text}"
        );
    }
    let audited: i64 = sqlx::query_scalar(
        "select count(*) from audit_log where action = 'consent.link_sent' and entity_id = $1::uuid",
    )
    .bind(&created.consent_id)
    .fetch_one(&pool)
    .await
    .expect("audit");
    assert_eq!(audited, 1);

    // A link that is no longer open is not sent again.
    sqlx::query("update consent_form set status = 'REVOKED', revoked_at = now(), revoked_by = 'STAFF' where id = $1::uuid")
        .bind(&created.consent_id)
        .execute(&pool)
        .await
        .expect("revoke");
    assert_eq!(
        send(&pool, &cookie, &created.consent_id, &created.link, to).await,
        409
    );
}
