//! Patients through the real router: sealed as a staff browser seals them, listed, found by
//! their lookup hash, opened; the server refuses anything that is not an envelope and never
//! stores or returns a readable name.

use app::patients::{NewPatient, PatientDetails, PatientEntry, PatientRecord};
use crypto::{BirthDate, ObjectId};

use crate::support::*;

const EMPFANG: &str = "empfang@demo.derma-consent.test";

fn details(first: &str, last: &str, birth: &str) -> PatientDetails {
    PatientDetails::from_form(first, last, birth, "", "2026-12-04").expect("valid details")
}

async fn create(pool: &PgPool, cookie: &str, new: &NewPatient) -> (u16, String) {
    let body = serde_json::json!({ "new": new }).to_string();
    let answer = post_body(
        router(pool.clone()),
        "/api/create_patient",
        "application/json",
        &body,
        Some(cookie),
    )
    .await;
    (answer.status.as_u16(), answer.body)
}

async fn call<T: serde::de::DeserializeOwned>(
    pool: &PgPool,
    path: &str,
    content_type: &str,
    body: &str,
    cookie: &str,
) -> T {
    let answer = post_body(router(pool.clone()), path, content_type, body, Some(cookie)).await;
    assert_eq!(answer.status, StatusCode::OK, "{path}: {}", answer.body);
    serde_json::from_str(&answer.body).expect("json")
}

async fn audit_actions(pool: &PgPool, patient: &str) -> Vec<String> {
    sqlx::query_scalar(
        "select action from audit_log where entity_type = 'patient' and entity_id = $1::uuid order by seq",
    )
    .bind(patient)
    .fetch_all(pool)
    .await
    .expect("audit")
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn reception_adds_finds_and_opens_a_patient_the_server_cannot_read(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (cookie, keys) = demo_sign_in(&pool, EMPFANG).await;
    let (master, blind_index) = opened_vault(&pool, &cookie, &keys).await;
    let canary = details("Quirinella", "Zwetschgenbaum", "1979-05-17");
    let new = canary
        .seal(ObjectId::generate(), &master, &blind_index)
        .expect("seal");
    let (status, id) = create(&pool, &cookie, &new).await;
    assert_eq!(status, 200, "{id}");
    let id: String = serde_json::from_str(&id).expect("id");
    assert_eq!(id, new.patient.id);

    // The newest first, next to the three demo patients; all open with the practice key.
    let list: Vec<PatientEntry> = call(
        &pool,
        "/api/patient_list",
        "application/x-www-form-urlencoded",
        "",
        &cookie,
    )
    .await;
    assert_eq!(list.len(), 4);
    assert_eq!(list[0].patient.id, id);
    for entry in &list {
        PatientDetails::open(&entry.patient, &[&master]).expect("every listed patient opens");
    }

    // Typed differently at the desk, found by the lookup hash alone.
    let birth = BirthDate::parse_iso("1979-05-17").expect("date");
    let lookup =
        app::patients::lookup(&blind_index, "ZWETSCHGENBAUM", "quirinella", birth).expect("lookup");
    let found: Vec<PatientEntry> = call(
        &pool,
        "/api/find_patients",
        "application/json",
        &serde_json::json!({ "lookup": lookup }).to_string(),
        &cookie,
    )
    .await;
    assert!(found.iter().any(|e| e.patient.id == id), "{found:?}");
    // Handing out names (sealed, opened in the browser) is audited: how many, never who.
    let listed: Vec<(serde_json::Value,)> = sqlx::query_as(
        "select metadata from audit_log where action = 'patients.listed' order by created_at, id",
    )
    .fetch_all(&pool)
    .await
    .expect("audit");
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert_eq!(
        listed[0].0,
        serde_json::json!({ "count": 4, "by": "recent" })
    );
    assert_eq!(listed[1].0["by"], "lookup");

    let record: PatientRecord = call(
        &pool,
        "/api/open_patient_record",
        "application/x-www-form-urlencoded",
        &format!("patient_id={id}"),
        &cookie,
    )
    .await;
    assert_eq!(
        PatientDetails::open(&record.entry.patient, &[&master]).expect("open"),
        canary
    );
    assert!(record.consents.is_empty());
    assert_eq!(
        audit_actions(&pool, &id).await,
        ["patient.created", "patient.viewed"]
    );

    // Nowhere in the database in readable form.
    let readable: i64 = sqlx::query_scalar(
        "select count(*) from patient p where to_jsonb(p)::text ilike '%zwetschgen%' or to_jsonb(p)::text ilike '%quirin%'",
    )
    .fetch_one(&pool)
    .await
    .expect("scan");
    assert_eq!(readable, 0);
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn plaintext_or_a_taken_id_is_refused_and_nothing_is_stored(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (cookie, keys) = demo_sign_in(&pool, EMPFANG).await;
    let (master, blind_index) = opened_vault(&pool, &cookie, &keys).await;
    let count = || async {
        sqlx::query_scalar::<_, i64>("select count(*) from patient")
            .fetch_one(&pool)
            .await
            .expect("count")
    };
    let before = count().await;
    let sealed = details("Anna", "Roth", "1990-01-01")
        .seal(ObjectId::generate(), &master, &blind_index)
        .expect("seal");

    let mut plain = sealed.clone();
    plain.patient.last_name = "Roth".to_owned();
    assert_eq!(create(&pool, &cookie, &plain).await.0, 400);
    let mut bad_id = sealed.clone();
    bad_id.patient.id = "not-an-id".to_owned();
    assert_eq!(create(&pool, &cookie, &bad_id).await.0, 400);
    let mut bad_lookup = sealed.clone();
    bad_lookup.lookup.value = 1 << 20;
    assert_eq!(create(&pool, &cookie, &bad_lookup).await.0, 400);
    let mut too_long = sealed.clone();
    too_long.patient.email = Some("A".repeat(5000));
    assert_eq!(create(&pool, &cookie, &too_long).await.0, 400);
    assert_eq!(count().await, before, "nothing stored");

    assert_eq!(create(&pool, &cookie, &sealed).await.0, 200);
    // The same submission again (a retry, or a replay): the first stays, the second is refused.
    let (status, body) = create(&pool, &cookie, &sealed).await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(count().await, before + 1);
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn another_practices_patient_with_the_same_lookup_hash_is_not_a_candidate(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (cookie, keys) = demo_sign_in(&pool, EMPFANG).await;
    let (master, blind_index) = opened_vault(&pool, &cookie, &keys).await;
    let sealed = details("Anna", "Roth", "1990-01-01")
        .seal(ObjectId::generate(), &master, &blind_index)
        .expect("seal");
    // Practice B has a patient under exactly this lookup hash.
    let other: uuid::Uuid =
        sqlx::query_scalar("insert into practice (name) values ('Andere Praxis') returning id")
            .fetch_one(&pool)
            .await
            .expect("practice");
    sqlx::query(
        "insert into patient (practice_id, encrypted_first_name, encrypted_last_name,
                              encrypted_date_of_birth, wrapped_content_key, lookup_hash)
         values ($1, 'x', 'x', 'x', 'x', $2)",
    )
    .bind(other)
    .bind(&sealed.lookup.to_bytes()[..])
    .execute(&pool)
    .await
    .expect("patient of B");
    let found: Vec<PatientEntry> = call(
        &pool,
        "/api/find_patients",
        "application/json",
        &serde_json::json!({ "lookup": sealed.lookup }).to_string(),
        &cookie,
    )
    .await;
    assert!(found.is_empty(), "{found:?}");
}
