//! The vault set-up and the demo seed, with the real crypto crate.

use crate::support::*;

/// The whole vault set-up as an ADMIN's browser does it, natively with the real crypto crate,
/// through the real server functions; then a second browser session opens what the server
/// handed back and reads a patient submission. The server only ever held envelopes.
#[sqlx::test(migrator = "db::MIGRATOR")]
async fn the_vault_is_set_up_once_and_opens_only_with_the_password(pool: PgPool) {
    use crypto::{
        BlindIndexKey, ConsentId, FormHash, InboxKeyPair, KdfParams, MemberKeyPair, PasswordKeys,
        PracticeId, PracticeMasterKey, RecoveryCode, SubmissionContext, SubmissionId, UserId,
    };
    let password = "Praxis-Tresor mit langem Passwort";
    let login_key = practice_with_password(&pool, "chefin@praxis.example", password).await;
    let form = format!(
        "email=chefin%40praxis.example&login_key={}",
        form_value(&login_key)
    );
    let signed_in = post_form(router(pool.clone()), "/api/sign_in", &form, None).await;
    let cookie = header(&signed_in, "set-cookie")
        .split(';')
        .next()
        .expect("cookie")
        .to_owned();
    let (practice_uuid, user_uuid): (uuid::Uuid, uuid::Uuid) =
        sqlx::query_as("select practice_id, id from \"user\"")
            .fetch_one(&pool)
            .await
            .expect("ids");
    let (practice, user) = (
        PracticeId::from_bytes(*practice_uuid.as_bytes()),
        UserId::from_bytes(*user_uuid.as_bytes()),
    );

    let params = KdfParams::new(19 * 1024, 2, 1, [5; 16]).expect("params");
    let keys = PasswordKeys::derive(password, &params).expect("derive");
    let pmk = PracticeMasterKey::generate(practice, 1);
    let inbox = InboxKeyPair::generate(1);
    let member = MemberKeyPair::generate(1);
    let recovery = RecoveryCode::generate();
    let fields = [
        ("inbox_public_key", inbox.public_key().to_text()),
        (
            "wrapped_inbox_private_key",
            pmk.wrap_inbox_key(&inbox).to_text(),
        ),
        (
            "wrapped_blind_index_key",
            pmk.wrap_blind_index_key(&BlindIndexKey::generate(practice, 1))
                .to_text(),
        ),
        (
            "admin_password_wrap",
            pmk.wrap_with_password(keys.wrap_key(), user).to_text(),
        ),
        (
            "recovery_wrap",
            pmk.wrap_with_recovery_code(&recovery).to_text(),
        ),
        ("admin_public_key", member.public_key().to_text()),
        (
            "admin_wrapped_private_key",
            member
                .wrap_with_password(keys.wrap_key(), practice, user)
                .to_text(),
        ),
        ("login_key", login_key.clone()),
    ];
    let body = |fields: &[(&str, String)]| {
        fields
            .iter()
            .map(|(k, v)| format!("{k}={}", form_value(v)))
            .collect::<Vec<_>>()
            .join("&")
    };

    // A recovery wrap offered as the password wrap is refused before anything is stored.
    let mut swapped = fields.clone();
    swapped[3].1 = fields[4].1.clone();
    let refused = post_form(
        router(pool.clone()),
        "/api/setup_vault",
        &body(&swapped),
        Some(&cookie),
    )
    .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);

    // A wrong password (login key) is refused: the wraps would open with nobody's password.
    let mut mistyped = fields.clone();
    mistyped[7].1 = crypto::PasswordKeys::derive("vertippt", &params)
        .expect("derive")
        .login_key()
        .to_text()
        .to_string();
    let refused = post_form(
        router(pool.clone()),
        "/api/setup_vault",
        &body(&mistyped),
        Some(&cookie),
    )
    .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);

    let created = post_form(
        router(pool.clone()),
        "/api/setup_vault",
        &body(&fields),
        Some(&cookie),
    )
    .await;
    assert_eq!(created.status, StatusCode::OK, "{}", created.body);
    let again = post_form(
        router(pool.clone()),
        "/api/setup_vault",
        &body(&fields),
        Some(&cookie),
    )
    .await;
    assert_eq!(
        again.status,
        StatusCode::CONFLICT,
        "only once: {}",
        again.body
    );

    // Another browser: fetch the material and open it with the password alone.
    let answer = post_form(
        router(pool.clone()),
        "/api/vault_material",
        "",
        Some(&cookie),
    )
    .await;
    let app::vault::VaultAccess::Ready(material) =
        serde_json::from_str(&answer.body).expect("json")
    else {
        panic!("material: {}", answer.body)
    };
    let wrap = crypto::PasswordWrapEnvelope::from_text(&material.master_wrap).expect("envelope");
    let again_keys = PasswordKeys::derive(password, &params).expect("derive");
    let opened =
        PracticeMasterKey::unwrap_with_password(&wrap, again_keys.wrap_key(), practice, user)
            .expect("unwrap");
    let wrong = PasswordKeys::derive("ein anderes Passwort", &params).expect("derive");
    assert!(
        PracticeMasterKey::unwrap_with_password(&wrap, wrong.wrap_key(), practice, user).is_err()
    );
    let inbox_again = opened
        .unwrap_inbox_key(
            &crypto::KeyWrapEnvelope::from_text(&material.wrapped_inbox_private_key)
                .expect("envelope"),
        )
        .expect("inbox key");
    let context = SubmissionContext {
        practice_id: practice,
        consent_id: ConsentId::from_bytes([1; 16]),
        form_hash: FormHash::of(b"BOTOX v1"),
        submission_id: SubmissionId::from_bytes([2; 16]),
    };
    let sealed = inbox
        .public_key()
        .seal_submission(b"Antworten der Patientin", &context)
        .expect("seal");
    assert_eq!(
        inbox_again
            .open_submission(&sealed, &context)
            .expect("open")
            .as_slice(),
        b"Antworten der Patientin"
    );

    let actions: Vec<String> = sqlx::query_scalar("select action from audit_log order by seq")
        .fetch_all(&pool)
        .await
        .expect("audit");
    assert_eq!(actions.last().map(String::as_str), Some("vault.created"));
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn only_an_admin_sets_up_the_vault(pool: PgPool) {
    for role in ["ARZT", "EMPFANG"] {
        let cookie = signed_in(&pool, role).await;
        let answer = post_form(router(pool.clone()), "/api/setup_vault", "inbox_public_key=x&wrapped_inbox_private_key=x&wrapped_blind_index_key=x&admin_password_wrap=x&recovery_wrap=x&admin_public_key=x&admin_wrapped_private_key=x&login_key=x", Some(&cookie)).await;
        assert_eq!(
            answer.status,
            StatusCode::FORBIDDEN,
            "{role}: {}",
            answer.body
        );
    }
    let signed_out = post_form(router(pool), "/api/vault_material", "", None).await;
    assert_eq!(signed_out.status, StatusCode::UNAUTHORIZED);
}

/// The demo seed makes a practice that works like a real one: every member signs in with the
/// demo password and opens the vault, and patient names decrypt with the practice keys.
#[sqlx::test(migrator = "db::MIGRATOR")]
async fn the_demo_seed_is_usable_and_idempotent(pool: PgPool) {
    let links = server::seed::seed(&pool)
        .await
        .expect("seed")
        .expect("created");
    assert_eq!(links.len(), 2);
    assert!(
        server::seed::seed(&pool)
            .await
            .expect("second run")
            .is_none(),
        "a second run changes nothing"
    );

    let arzt = "arzt@demo.derma-consent.test";
    let (cookie, keys) = demo_sign_in(&pool, arzt).await;
    let answer = post_form(
        router(pool.clone()),
        "/api/vault_material",
        "",
        Some(&cookie),
    )
    .await;
    let app::vault::VaultAccess::Ready(material) =
        serde_json::from_str(&answer.body).expect("json")
    else {
        panic!("shared: {}", answer.body)
    };
    let practice =
        crypto::PracticeId::from_bytes(app::vault::uuid_bytes(&material.practice_id).expect("id"));
    let user = crypto::UserId::from_bytes(app::vault::uuid_bytes(&material.user_id).expect("id"));
    let master = crypto::PracticeMasterKey::unwrap_with_password(
        &crypto::PasswordWrapEnvelope::from_text(&material.master_wrap).expect("envelope"),
        keys.wrap_key(),
        practice,
        user,
    )
    .expect("the ARZT opens the vault");

    // Sealed as a staff browser seals patients: the browser's own code opens them.
    let list = post_form(router(pool.clone()), "/api/patient_list", "", Some(&cookie)).await;
    let list: Vec<app::patients::PatientEntry> = serde_json::from_str(&list.body).expect("json");
    let names: Vec<String> = list
        .iter()
        .map(|e| {
            app::patients::PatientDetails::open(&e.patient, &[&master])
                .expect("open")
                .first_name
        })
        .collect();
    assert!(names.iter().any(|n| n == "Erika"), "{names:?}");
    assert_eq!(list.len(), 3);
    let plaintext_anywhere: i64 = sqlx::query_scalar(
        "select count(*) from patient where encrypted_first_name like '%Erika%' or encrypted_last_name like '%Mustermann%'",
    )
    .fetch_one(&pool)
    .await
    .expect("scan");
    assert_eq!(plaintext_anywhere, 0);
}
