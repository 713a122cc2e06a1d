//! The patient's side of a link through the real router, with the real crypto: open, save
//! before signing (FILLED), submit (SIGNED), a second submission refused without touching the
//! first, a retry of the same one accepted, expired and withdrawn links, withdrawal by the
//! patient's own token and by staff. The practice opens what the patient sealed.

use std::collections::BTreeMap;

use app::consents::{
    hex, ConsentAnswers, CreatedConsentLink, LinkState, OpenConsent, PersonalDetails,
    SealedSubmission, Signature, WithdrawalState,
};
use app::forms::{consent_form, QuestionnaireAnswers};
use app::i18n::Locale;
use domain::ConsentType;

use crate::support::*;

pub(crate) const EMPFANG: &str = "empfang@demo.derma-consent.test";
pub(crate) const ARZT: &str = "arzt@demo.derma-consent.test";

/// A link made at the desk, and the token from it.
pub(crate) async fn link(
    pool: &PgPool,
    cookie: &str,
    fee_cents: Option<i32>,
) -> (CreatedConsentLink, String) {
    let body = serde_json::json!({ "request": {
        "patient_id": null, "kind": "BOTOX", "valid_days": 7, "fee_cents": fee_cents, "locale": "de",
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
    let token = created.link.split_once('#').expect("fragment").1.to_owned();
    (created, token)
}

pub(crate) async fn open(pool: &PgPool, token: &str) -> LinkState {
    let answer = post_form(
        router(pool.clone()),
        "/api/open_consent_link",
        &format!("token={}", form_value(token)),
        None,
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    serde_json::from_str(&answer.body).expect("json")
}

pub(crate) fn answers(canary: &str, signed: bool) -> ConsentAnswers {
    ConsentAnswers {
        personal: PersonalDetails {
            first_name: canary.to_owned(),
            last_name: "Zwetschgenbaum".to_owned(),
            birth_date: "1979-05-17".to_owned(),
            email: None,
            phone: None,
        },
        questionnaire: QuestionnaireAnswers::default(),
        comprehension: BTreeMap::new(),
        information_read: true,
        signature: signed.then(|| Signature {
            png_data_url: "data:image/png;base64,iVBORw0KGgo=".to_owned(),
            width: 600,
            height: 220,
            strokes: vec![vec![[1, 2, 0], [3, 4, 16]]],
        }),
        form_version: consent_form(ConsentType::Botox, Locale::De)
            .version
            .to_owned(),
        fee_cents_shown: None,
    }
}

/// Sealed exactly as the patient's browser seals it.
pub(crate) fn sealed(open: &OpenConsent, answers: &ConsentAnswers) -> SealedSubmission {
    let form = consent_form(open.kind, Locale::De);
    let submission_id = crypto::SubmissionId::generate().to_uuid_text();
    SealedSubmission {
        envelope: answers
            .seal(open, form.hash(), &submission_id)
            .expect("seal"),
        submission_id,
        form_hash_hex: hex(form.hash().as_bytes()),
        steps: BTreeMap::from([("review".to_owned(), "2026-12-04T09:00:00Z".to_owned())]),
    }
}

pub(crate) async fn submit(
    pool: &PgPool,
    token: &str,
    sealed: &SealedSubmission,
    withdrawal: &str,
) -> (u16, String) {
    let body = serde_json::json!({
        "token": token, "sealed": sealed, "withdrawal_token_hash_hex": withdrawal,
    })
    .to_string();
    let answer = post_body(
        router(pool.clone()),
        "/api/submit_consent",
        "application/json",
        &body,
        None,
    )
    .await;
    (answer.status.as_u16(), answer.body)
}

pub(crate) async fn save(pool: &PgPool, token: &str, sealed: &SealedSubmission) -> u16 {
    let body = serde_json::json!({ "token": token, "sealed": sealed }).to_string();
    post_body(
        router(pool.clone()),
        "/api/save_consent_answers",
        "application/json",
        &body,
        None,
    )
    .await
    .status
    .as_u16()
}

async fn row(pool: &PgPool, consent: &str) -> (String, Option<String>, Option<uuid::Uuid>) {
    sqlx::query_as(
        "select status::text, encrypted_responses, submission_id from consent_form where id = $1::uuid",
    )
    .bind(consent)
    .fetch_one(pool)
    .await
    .expect("consent")
}

pub(crate) fn the_open(state: LinkState) -> OpenConsent {
    match state {
        LinkState::Open(open) => open,
        other => panic!("expected an open link, got {other:?}"),
    }
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_patient_saves_signs_and_the_practice_opens_it_once(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (desk, _) = demo_sign_in(&pool, EMPFANG).await;
    let (created, token) = link(&pool, &desk, None).await;
    let open_link = the_open(open(&pool, &token).await);
    assert_eq!(open_link.consent_id, created.consent_id);
    assert_eq!(open_link.practice_name, "Hautarztpraxis Dr. Demo");

    // Answers saved before the signature: FILLED.
    assert_eq!(
        save(
            &pool,
            &token,
            &sealed(&open_link, &answers("Quirinella", false))
        )
        .await,
        200
    );
    assert_eq!(row(&pool, &created.consent_id).await.0, "FILLED");

    let withdrawal = crypto::Token::generate();
    let first = sealed(&open_link, &answers("Quirinella", true));
    let withdrawal_hash = hex(withdrawal.hash().as_bytes());
    let (status, body) = submit(&pool, &token, &first, &withdrawal_hash).await;
    assert_eq!(status, 200, "{body}");
    let (status_text, envelope, submission) = row(&pool, &created.consent_id).await;
    assert_eq!(status_text, "SIGNED");
    assert_eq!(envelope.as_deref(), Some(first.envelope.as_str()));
    assert!(!envelope.unwrap_or_default().contains("Quirinella"));

    // The same submission again (the answer was lost on the way): accepted, nothing changes.
    assert_eq!(submit(&pool, &token, &first, &withdrawal_hash).await.0, 200);
    // A different second submission: refused, the first stays exactly as it was.
    let second = sealed(&open_link, &answers("Zweitversuch", true));
    let (status, body) = submit(&pool, &token, &second, &withdrawal_hash).await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(
        row(&pool, &created.consent_id).await,
        (
            "SIGNED".to_owned(),
            Some(first.envelope.clone()),
            submission
        )
    );
    assert!(matches!(
        open(&pool, &token).await,
        LinkState::Submitted { .. }
    ));
    assert_eq!(
        save(&pool, &token, &second).await,
        409,
        "no saving over a signed consent"
    );

    // The physician's browser opens it with the practice inbox key.
    let (arzt, arzt_keys) = demo_sign_in(&pool, ARZT).await;
    let inbox = opened_inbox(&pool, &arzt, &arzt_keys).await;
    let form = consent_form(ConsentType::Botox, Locale::De);
    let opened = ConsentAnswers::open(
        &inbox,
        &first.envelope,
        &open_link.practice_id,
        &open_link.consent_id,
        form.hash(),
        &first.submission_id,
    )
    .expect("the practice opens it");
    assert_eq!(opened, answers("Quirinella", true));

    let audited: Vec<String> =
        sqlx::query_scalar("select action from audit_log where entity_id = $1::uuid order by seq")
            .bind(&created.consent_id)
            .fetch_all(&pool)
            .await
            .expect("audit");
    assert_eq!(audited, ["consent.created", "consent.signed"]);
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_submission_for_another_form_or_key_or_an_unknown_link_is_refused(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (desk, _) = demo_sign_in(&pool, EMPFANG).await;
    let (created, token) = link(&pool, &desk, None).await;
    let open_link = the_open(open(&pool, &token).await);
    let withdrawal = hex(crypto::Token::generate().hash().as_bytes());

    let mut other_form = sealed(&open_link, &answers("A", true));
    other_form.form_hash_hex = hex(crypto::FormHash::of(b"an older form").as_bytes());
    assert_eq!(submit(&pool, &token, &other_form, &withdrawal).await.0, 409);
    let mut old_key = open_link.clone();
    old_key.inbox_key_version += 1;
    let wrong_key = sealed(&old_key, &answers("A", true));
    assert_eq!(submit(&pool, &token, &wrong_key, &withdrawal).await.0, 409);
    let mut garbage = sealed(&open_link, &answers("A", true));
    garbage.envelope = "Quirinella Zwetschgenbaum".to_owned();
    assert_eq!(submit(&pool, &token, &garbage, &withdrawal).await.0, 400);
    let good = sealed(&open_link, &answers("A", true));
    assert_eq!(submit(&pool, &token, &good, "not-hex").await.0, 400);
    let unknown = crypto::Token::generate();
    assert_eq!(
        submit(&pool, unknown.to_text().as_str(), &good, &withdrawal)
            .await
            .0,
        404
    );
    assert!(matches!(
        open(&pool, unknown.to_text().as_str()).await,
        LinkState::Unknown
    ));
    assert!(matches!(open(&pool, "abc").await, LinkState::Unknown));
    assert_eq!(
        row(&pool, &created.consent_id).await.0,
        "PENDING",
        "nothing stored"
    );

    // Past its expiry (before the job ran): shown as expired, nothing accepted.
    sqlx::query(
        "update consent_form set expires_at = now() - interval '1 minute' where id = $1::uuid",
    )
    .bind(&created.consent_id)
    .execute(&pool)
    .await
    .expect("expire");
    assert!(matches!(
        open(&pool, &token).await,
        LinkState::Expired { .. }
    ));
    assert_eq!(submit(&pool, &token, &good, &withdrawal).await.0, 409);
    assert_eq!(save(&pool, &token, &good).await, 409);
}

async fn withdrawal_state(pool: &PgPool, token: &str) -> WithdrawalState {
    let answer = post_form(
        router(pool.clone()),
        "/api/withdrawal_details",
        &format!("token={}", form_value(token)),
        None,
    )
    .await;
    serde_json::from_str(&answer.body).expect("json")
}

pub(crate) async fn withdraw(pool: &PgPool, token: &str) -> u16 {
    post_form(
        router(pool.clone()),
        "/api/withdraw_consent",
        &format!("token={}", form_value(token)),
        None,
    )
    .await
    .status
    .as_u16()
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn the_patient_withdraws_with_their_own_token_and_staff_can_too(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (desk, _) = demo_sign_in(&pool, EMPFANG).await;
    let (created, token) = link(&pool, &desk, None).await;
    let open_link = the_open(open(&pool, &token).await);
    let withdrawal = crypto::Token::generate();
    let text = withdrawal.to_text();
    let (status, _) = submit(
        &pool,
        &token,
        &sealed(&open_link, &answers("A", true)),
        &hex(withdrawal.hash().as_bytes()),
    )
    .await;
    assert_eq!(status, 200);

    // The link token is not the withdrawal token.
    assert!(matches!(
        withdrawal_state(&pool, &token).await,
        WithdrawalState::Unknown
    ));
    assert_eq!(withdraw(&pool, &token).await, 404);
    assert!(matches!(
        withdrawal_state(&pool, text.as_str()).await,
        WithdrawalState::Possible {
            kind: ConsentType::Botox,
            ..
        }
    ));
    assert_eq!(withdraw(&pool, text.as_str()).await, 200);
    let (status, by): (String, String) = sqlx::query_as(
        "select status::text, revoked_by::text from consent_form where id = $1::uuid",
    )
    .bind(&created.consent_id)
    .fetch_one(&pool)
    .await
    .expect("consent");
    assert_eq!((status.as_str(), by.as_str()), ("REVOKED", "PATIENT"));
    assert_eq!(
        withdraw(&pool, text.as_str()).await,
        200,
        "withdrawing twice is fine"
    );
    assert!(matches!(
        withdrawal_state(&pool, text.as_str()).await,
        WithdrawalState::AlreadyWithdrawn { .. }
    ));
    assert!(matches!(
        open(&pool, &token).await,
        LinkState::Withdrawn { .. }
    ));

    // Staff withdraw an open link; a completed consent stays as it is.
    let (other, other_token) = link(&pool, &desk, None).await;
    let revoke = |id: String| {
        let (pool, desk) = (pool.clone(), desk.clone());
        async move {
            post_form(
                router(pool),
                "/api/revoke_consent",
                &format!("consent_id={id}"),
                Some(&desk),
            )
            .await
            .status
            .as_u16()
        }
    };
    assert_eq!(revoke(other.consent_id.clone()).await, 200);
    assert!(matches!(
        open(&pool, &other_token).await,
        LinkState::Withdrawn { .. }
    ));
    let (done, _) = link(&pool, &desk, None).await;
    sqlx::query(
        "update consent_form set status = 'COMPLETED', signed_at = now(), completed_at = now(),
                countersigned_by = created_by, encrypted_responses = 'x', inbox_key_version = 1,
                form_version_hash = '\\x0000000000000000000000000000000000000000000000000000000000000000',
                submission_id = gen_random_uuid()
         where id = $1::uuid",
    )
    .bind(&done.consent_id)
    .execute(&pool)
    .await
    .expect("complete");
    assert_eq!(revoke(done.consent_id.clone()).await, 409);
    assert_eq!(revoke(uuid::Uuid::new_v4().to_string()).await, 404);
}

pub(crate) async fn staff_call(
    pool: &PgPool,
    cookie: &str,
    path: &str,
    form: &str,
) -> (u16, String) {
    let answer = post_form(router(pool.clone()), path, form, Some(cookie)).await;
    (answer.status.as_u16(), answer.body)
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn the_physician_opens_links_and_countersigns_and_each_step_is_audited(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (desk, _) = demo_sign_in(&pool, EMPFANG).await;
    let (arzt, _) = demo_sign_in(&pool, ARZT).await;
    let (created, token) = link(&pool, &desk, None).await;
    let (with_fee, fee_token) = link(&pool, &desk, Some(12_000)).await;
    for (token, c) in [(&token, &created), (&fee_token, &with_fee)] {
        let open_link = the_open(open(&pool, token).await);
        let withdrawal = hex(crypto::Token::generate().hash().as_bytes());
        let (status, body) = submit(
            &pool,
            token,
            &sealed(&open_link, &answers("A", true)),
            &withdrawal,
        )
        .await;
        assert_eq!(status, 200, "{}: {body}", c.consent_id);
    }
    let id = &created.consent_id;

    let overview: app::consents::ConsentOverview = serde_json::from_str(
        &post_body(
            router(pool.clone()),
            "/api/consents_overview",
            "application/json",
            r#"{"view":"AwaitingReview"}"#,
            Some(&desk),
        )
        .await
        .body,
    )
    .expect("json");
    assert_eq!(overview.counts.awaiting_review, 2);
    assert!(overview
        .consents
        .iter()
        .all(|c| c.status == domain::ConsentStatus::Signed));

    // Reception sees the status, not the content.
    assert_eq!(
        staff_call(
            &pool,
            &desk,
            "/api/open_submitted_consent",
            &format!("consent_id={id}")
        )
        .await
        .0,
        403
    );
    let (status, body) = staff_call(
        &pool,
        &arzt,
        "/api/open_submitted_consent",
        &format!("consent_id={id}"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let opened: app::consents::SubmittedConsent = serde_json::from_str(&body).expect("json");
    assert!(opened.envelope.is_some() && opened.submission_id.is_some());

    // A form missing a field is the caller's mistake (400), not a fault of ours (500).
    let (status, body) = staff_call(
        &pool,
        &arzt,
        "/api/countersign_consent",
        &format!("consent_id={id}"),
    )
    .await;
    assert_eq!(status, 400, "{body}");

    // Not before the consent is linked to a patient: a completed record says whose it is.
    let (status, body) = staff_call(
        &pool,
        &arzt,
        "/api/countersign_consent",
        &format!("consent_id={id}&explained_on={}", today(&pool).await),
    )
    .await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("link the consent"), "{body}");

    let patient: uuid::Uuid =
        sqlx::query_scalar("select id from patient order by created_at limit 1")
            .fetch_one(&pool)
            .await
            .expect("patient");
    let fee_link = format!("consent_id={}&patient_id={patient}", with_fee.consent_id);
    assert_eq!(
        staff_call(&pool, &arzt, "/api/link_consent_to_patient", &fee_link)
            .await
            .0,
        200
    );
    let link_form = format!("consent_id={id}&patient_id={patient}");
    assert_eq!(
        staff_call(&pool, &arzt, "/api/link_consent_to_patient", &link_form)
            .await
            .0,
        200
    );
    assert_eq!(
        staff_call(&pool, &arzt, "/api/link_consent_to_patient", &link_form)
            .await
            .0,
        409
    );

    let countersign = |id: &str, day: &str| format!("consent_id={id}&explained_on={day}");
    let today = today(&pool).await;
    assert_eq!(
        staff_call(
            &pool,
            &desk,
            "/api/countersign_consent",
            &countersign(id, "2026-12-01")
        )
        .await
        .0,
        403
    );
    assert_eq!(
        staff_call(
            &pool,
            &arzt,
            "/api/countersign_consent",
            &countersign(id, "2999-01-01")
        )
        .await
        .0,
        400
    );
    assert_eq!(
        staff_call(
            &pool,
            &arzt,
            "/api/countersign_consent",
            &countersign(id, "gestern")
        )
        .await
        .0,
        400
    );
    // A fee consent waits in SIGNED until it is paid (billing comes later).
    assert_eq!(
        staff_call(
            &pool,
            &arzt,
            "/api/countersign_consent",
            &countersign(&with_fee.consent_id, &today)
        )
        .await
        .0,
        409
    );
    assert_eq!(
        staff_call(
            &pool,
            &arzt,
            "/api/countersign_consent",
            &countersign(id, &today)
        )
        .await
        .0,
        200
    );
    assert_eq!(
        staff_call(
            &pool,
            &arzt,
            "/api/countersign_consent",
            &countersign(id, &today)
        )
        .await
        .0,
        409
    );
    let (status, explained, countersigned_by): (String, serde_json::Value, Option<uuid::Uuid>) = sqlx::query_as(
        "select status::text, evidence -> 'explanation', countersigned_by from consent_form where id = $1::uuid",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .expect("consent");
    assert_eq!(status, "COMPLETED");
    assert_eq!(explained["explained_on"], today.as_str());
    assert_eq!(countersigned_by, Some(user_id(&pool, ARZT).await));
    // A completed consent stays as it is.
    assert_eq!(
        staff_call(
            &pool,
            &desk,
            "/api/revoke_consent",
            &format!("consent_id={id}")
        )
        .await
        .0,
        409
    );

    let audited: Vec<String> =
        sqlx::query_scalar("select action from audit_log where entity_id = $1::uuid order by seq")
            .bind(id)
            .fetch_all(&pool)
            .await
            .expect("audit");
    assert_eq!(
        audited,
        [
            "consent.created",
            "consent.signed",
            "consent.viewed",
            "consent.patient_linked",
            "consent.countersigned"
        ]
    );
}

/// Today as the server counts days (UTC).
pub(crate) async fn today(pool: &PgPool) -> String {
    sqlx::query_scalar("select to_char(timezone('utc', now()), 'YYYY-MM-DD')")
        .fetch_one(pool)
        .await
        .expect("today")
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn two_submissions_of_one_link_at_once_store_one_and_refuse_the_other(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (desk, _) = demo_sign_in(&pool, EMPFANG).await;
    let (created, token) = link(&pool, &desk, None).await;
    let open_link = the_open(open(&pool, &token).await);
    let (a, b) = (
        sealed(&open_link, &answers("Erster", true)),
        sealed(&open_link, &answers("Zweiter", true)),
    );
    let (wa, wb) = (
        hex(crypto::Token::generate().hash().as_bytes()),
        hex(crypto::Token::generate().hash().as_bytes()),
    );
    let (first, second) = tokio::join!(
        submit(&pool, &token, &a, &wa),
        submit(&pool, &token, &b, &wb)
    );
    let mut statuses = [first.0, second.0];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 409], "{first:?} {second:?}");
    let (_, envelope, _) = row(&pool, &created.consent_id).await;
    let winner = if first.0 == 200 { &a } else { &b };
    assert_eq!(envelope.as_deref(), Some(winner.envelope.as_str()));
    let signed: i64 = sqlx::query_scalar(
        "select count(*) from audit_log where action = 'consent.signed' and entity_id = $1::uuid",
    )
    .bind(&created.consent_id)
    .fetch_one(&pool)
    .await
    .expect("audit");
    assert_eq!(signed, 1);
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn an_oversized_request_is_refused_before_it_is_read(pool: PgPool) {
    let body = format!(
        r#"{{"token":"{}"}}"#,
        "A".repeat(server::startup::MAX_REQUEST_BYTES + 1)
    );
    // As browsers send it: with its length declared.
    let request = Request::builder()
        .method("POST")
        .uri("/api/submit_consent")
        .header("origin", ORIGIN)
        .header("content-type", "application/json")
        .header("content-length", body.len().to_string())
        .body(Body::from(body))
        .expect("request");
    let answer = send(router(pool.clone()), request).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_malformed_request_is_answered_400_and_changes_nothing(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (desk, _) = demo_sign_in(&pool, EMPFANG).await;
    let (created, token) = link(&pool, &desk, None).await;
    for body in [
        "{\"token\":".to_owned(),
        "not json".to_owned(),
        "{}".to_owned(),
        format!(r#"{{"token":"{token}","sealed":{{"envelope":7}}}}"#),
    ] {
        let request = Request::builder()
            .method("POST")
            .uri("/api/submit_consent")
            .header("origin", ORIGIN)
            .header("content-type", "application/json")
            .body(Body::from(body.clone()))
            .expect("request");
        let answer = send(router(pool.clone()), request).await;
        assert_eq!(
            answer.status,
            StatusCode::BAD_REQUEST,
            "{body}: {}",
            answer.body
        );
        assert!(
            answer.body.contains("Validation"),
            "{body}: {}",
            answer.body
        );
    }
    let (status, envelope, _) = row(&pool, &created.consent_id).await;
    assert_eq!(status, "PENDING");
    assert_eq!(envelope, None);
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_patient_who_switched_the_language_submits_the_form_they_saw(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (desk, _) = demo_sign_in(&pool, EMPFANG).await;
    // The link's form language is German; the patient switched to English on the first page.
    let (created, token) = link(&pool, &desk, None).await;
    let open_link = the_open(open(&pool, &token).await);
    let english = consent_form(open_link.kind, Locale::En);
    let submission_id = crypto::SubmissionId::generate().to_uuid_text();
    let sealed = SealedSubmission {
        envelope: answers("A", true)
            .seal(&open_link, english.hash(), &submission_id)
            .expect("seal"),
        submission_id,
        form_hash_hex: hex(english.hash().as_bytes()),
        steps: BTreeMap::from([("review".to_owned(), "2026-12-04T09:00:00Z".to_owned())]),
    };
    let withdrawal = hex(crypto::Token::generate().hash().as_bytes());
    let (status, body) = submit(&pool, &token, &sealed, &withdrawal).await;
    assert_eq!(status, 200, "{body}");
    let (locale, hash): (Option<String>, Option<Vec<u8>>) = sqlx::query_as(
        "select evidence ->> 'locale', form_version_hash from consent_form where id = $1::uuid",
    )
    .bind(&created.consent_id)
    .fetch_one(&pool)
    .await
    .expect("consent");
    assert_eq!(locale.as_deref(), Some("en"));
    assert_eq!(hash.as_deref(), Some(english.hash().as_bytes().as_slice()));
}
