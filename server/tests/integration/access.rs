//! The DESIGN §6 matrix, enforced on the server: every server function × every role
//! (ADMIN, ARZT, EMPFANG, signed out), through the real router against a real database.
//!
//! The test refuses to pass while a registered server function is missing from the table, so
//! a new server function cannot ship without deciding who may call it.
//! The same across practices (an id of another practice's object) is in `foreign_practice`.

mod foreign_practice;

use crate::support::*;

/// Who calls.
#[derive(Debug, Clone, Copy)]
enum Caller {
    Admin,
    Arzt,
    Empfang,
    SignedOut,
}

/// Expected status per caller: ADMIN, ARZT, EMPFANG, signed out.
struct Row {
    path: &'static str,
    form: &'static str,
    expected: [u16; 4],
}

/// Anyone may call these; they are covered by their own tests (rate limits, enumeration).
const PUBLIC: &[&str] = &[
    "/api/sign_in_parameters",
    "/api/sign_in",
    "/api/register_practice",
    // Mailed links: the token is the authorisation (tested in accounts_by_mail.rs).
    "/api/verify_email",
    "/api/request_password_reset",
    "/api/reset_target",
    "/api/reset_password",
    "/api/invite_details",
    "/api/accept_invite",
    // Which providers the sign-in page offers: the same for everyone.
    "/api/sign_in_providers",
    // The patient's link (or withdrawal link) token is the authorisation
    // (consent_submission.rs).
    "/api/open_consent_link",
    "/api/save_consent_answers",
    "/api/submit_consent",
    "/api/withdrawal_details",
    "/api/withdraw_consent",
];

const MATRIX: &[Row] = &[
    Row { path: "/api/whoami", form: "", expected: [200, 200, 200, 200] },
    Row { path: "/api/vault_material", form: "", expected: [200, 200, 200, 401] },
    Row { path: "/api/vault_event", form: "unlocked=false", expected: [200, 200, 200, 401] },
    // Only an ADMIN gets past authorisation (and then fails validation of the dummy payload).
    Row {
        path: "/api/setup_vault",
        form: "inbox_public_key=x&wrapped_inbox_private_key=x&wrapped_blind_index_key=x&admin_password_wrap=x&recovery_wrap=x&admin_public_key=x&admin_wrapped_private_key=x&login_key=x",
        expected: [400, 403, 403, 401],
    },
    Row { path: "/api/sign_out", form: "", expected: [200, 200, 200, 200] },
    Row { path: "/api/sign_out_everywhere", form: "", expected: [200, 200, 200, 401] },
    // ADMIN only: the test practice has no vault, so the ADMIN gets "not found".
    Row { path: "/api/recovery_material", form: "", expected: [404, 403, 403, 401] },
    Row { path: "/api/team_overview", form: "", expected: [200, 403, 403, 401] },
    Row { path: "/api/invite_member", form: "email=x&role=ARZT", expected: [400, 403, 403, 401] },
    Row { path: "/api/change_role", form: "user_id=x&role=ARZT", expected: [404, 403, 403, 401] },
    Row { path: "/api/remove_member", form: "user_id=x", expected: [404, 403, 403, 401] },
    Row { path: "/api/practice_settings", form: "", expected: [200, 403, 403, 401] },
    Row {
        path: "/api/save_practice_settings",
        form: r#"{"settings":{"name":"Praxis","street":"","postal_code":"","city":"","dpo_name":"","dpo_email":"","enabled_consent_types":["BOTOX"],"default_validity_days":7,"reminder_enabled":true,"reminder_delay_hours":48}}"#,
        expected: [200, 403, 403, 401],
    },
    Row { path: "/api/rotation_plan", form: "", expected: [404, 403, 403, 401] },
    Row {
        path: "/api/rotate_keys",
        form: r#"{"keys":{"pmk_version":2,"key_version":2,"inbox_public_key":"x","wrapped_inbox_private_key":"x","wrapped_blind_index_key":"x","wrapped_previous_master_key":"x","admin_password_wrap":"x","recovery_wrap":"x","shares":[]},"login_key":"x"}"#,
        expected: [400, 403, 403, 401],
    },
    Row { path: "/api/share_vault", form: "user_id=x&share=x", expected: [404, 403, 403, 401] },
    // Nobody in the test practice has a share waiting.
    Row {
        path: "/api/adopt_vault_share",
        form: "password_wrap=x&login_key=x",
        expected: [404, 404, 404, 401],
    },
    Row {
        path: "/api/restore_vault_access",
        form: "password_wrap=x&login_key=x",
        expected: [400, 403, 403, 401],
    },
    // Two-factor sign-in: every role for its own account (two_factor.rs tests the stages).
    Row { path: "/api/own_account", form: "", expected: [200, 200, 200, 401] },
    Row { path: "/api/start_two_factor", form: "", expected: [200, 200, 200, 401] },
    // Enrolment was started above by nobody here: each caller is a fresh member.
    Row { path: "/api/confirm_two_factor", form: "code=123456", expected: [409, 409, 409, 401] },
    // Only a session waiting for its code may give one.
    Row { path: "/api/verify_two_factor", form: "code=123456", expected: [403, 403, 403, 401] },
    Row { path: "/api/disable_two_factor", form: "code=123456", expected: [409, 409, 409, 401] },
    Row { path: "/api/renew_recovery_codes", form: "code=123456", expected: [409, 409, 409, 401] },
    // Sign-in with a provider: every role for its own account; nobody here connected one.
    Row { path: "/api/linked_sign_in_accounts", form: "", expected: [200, 200, 200, 401] },
    Row {
        path: "/api/unlink_sign_in_account",
        form: "provider=google",
        expected: [404, 404, 404, 401],
    },
    // Patients: every role (DESIGN §6); the test practice has none.
    Row { path: "/api/patient_list", form: "", expected: [200, 200, 200, 401] },
    Row {
        path: "/api/find_patients",
        form: r#"{"lookup":{"value":1,"scheme":1}}"#,
        expected: [200, 200, 200, 401],
    },
    // Past authorisation, the plaintext "envelopes" are refused.
    Row {
        path: "/api/create_patient",
        form: r#"{"new":{"patient":{"id":"6f1c1f2e-0d6b-4b8e-9d2a-3c4b5a697887","first_name":"Anna","last_name":"Roth","date_of_birth":"1990-01-01","email":null,"wrapped_content_key":"x"},"lookup":{"value":1,"scheme":1}}}"#,
        expected: [400, 400, 400, 401],
    },
    Row { path: "/api/open_patient_record", form: "patient_id=x", expected: [404, 404, 404, 401] },
    // Consent links: every role (DESIGN §6).
    Row { path: "/api/consent_link_options", form: "", expected: [200, 200, 200, 401] },
    // The test practice has no vault yet: no link before there is a key to seal answers to.
    Row {
        path: "/api/create_consent_link",
        form: r#"{"request":{"patient_id":null,"kind":"BOTOX","valid_days":7,"fee_cents":null,"locale":"de"}}"#,
        expected: [409, 409, 409, 401],
    },
    Row { path: "/api/revoke_consent", form: "consent_id=x", expected: [404, 404, 404, 401] },
    // Status lists for every role; opening, linking and countersigning for physicians and
    // ADMINs only (DESIGN §6), refused before any id is looked at.
    Row { path: "/api/consents_overview", form: r#"{"view":"All"}"#, expected: [200, 200, 200, 401] },
    Row { path: "/api/open_submitted_consent", form: "consent_id=x", expected: [404, 404, 403, 401] },
    Row {
        path: "/api/link_consent_to_patient",
        form: "consent_id=x&patient_id=x",
        expected: [404, 404, 403, 401],
    },
    Row {
        path: "/api/countersign_consent",
        form: "consent_id=x&explained_on=2026-12-01",
        expected: [404, 404, 403, 401],
    },
    // No consent with that id and link.
    Row {
        path: "/api/send_consent_link",
        form: "consent_id=x&link=x&email=patientin%40example.org",
        expected: [404, 404, 404, 401],
    },
    Row {
        path: "/api/set_two_factor_requirement",
        form: "required=false",
        expected: [200, 403, 403, 401],
    },
];

async fn call(pool: &PgPool, caller: Caller, row: &Row) -> u16 {
    let role = match caller {
        Caller::Admin => Some("ADMIN"),
        Caller::Arzt => Some("ARZT"),
        Caller::Empfang => Some("EMPFANG"),
        Caller::SignedOut => None,
    };
    let cookie = match role {
        Some(role) => Some(signed_in(pool, role).await),
        None => None,
    };
    // Server functions with a JSON body have rows whose "form" is a JSON object.
    let content_type = if row.form.starts_with('{') {
        "application/json"
    } else {
        "application/x-www-form-urlencoded"
    };
    post_body(
        router(pool.clone()),
        row.path,
        content_type,
        row.form,
        cookie.as_deref(),
    )
    .await
    .status
    .as_u16()
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn every_server_function_answers_every_role_as_the_matrix_says(pool: PgPool) {
    let _ = router(pool.clone()); // registers the server functions
    let mut failures = Vec::new();
    for row in MATRIX {
        for (caller, expected) in [
            Caller::Admin,
            Caller::Arzt,
            Caller::Empfang,
            Caller::SignedOut,
        ]
        .into_iter()
        .zip(row.expected)
        {
            let got = call(&pool, caller, row).await;
            if got != expected {
                failures.push(format!(
                    "{} as {caller:?}: expected {expected}, got {got}",
                    row.path
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn no_server_function_is_missing_from_the_matrix() {
    let registered: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .collect();
    assert!(!registered.is_empty());
    let missing: Vec<&&str> = registered
        .iter()
        .filter(|p| !PUBLIC.contains(p) && !MATRIX.iter().any(|row| row.path == **p))
        .collect();
    assert!(
        missing.is_empty(),
        "server functions without a row in the access matrix: {missing:?}"
    );
}
