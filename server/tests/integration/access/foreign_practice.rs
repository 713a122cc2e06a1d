//! The access matrix across practices: a member of practice A who names an object of practice
//! B by its id gets exactly the answer a made-up id gets (no oracle), and B stays as it was.
//!
//! Practice A is the demo practice, whose ADMIN holds the vault, so the ADMIN's requests are
//! the real thing (a valid share, a complete key set) and get past every check but the one
//! under test. Every registered server function is either in [`FOREIGN`] or declared id-free
//! in [`ID_FREE`]; a new one fails the test until someone decides which.

use crate::support::*;

/// Practice A: its members' sessions and what its ADMIN's browser holds.
struct PracticeA {
    /// ADMIN, ARZT, EMPFANG.
    cookies: [String; 3],
    admin_keys: crypto::PasswordKeys,
    admin_user: crypto::UserId,
    practice: crypto::PracticeId,
    master: crypto::PracticeMasterKey,
    blind_index: crypto::BlindIndexKey,
    plan: app::vault::RotationTargets,
}

/// A member of practice B a request names (or a made-up id with the same key).
struct Target {
    user_id: uuid::Uuid,
    /// The key an ADMIN of A would seal a share to (text form).
    public_key: String,
    /// A patient of practice B (or a made-up id).
    patient_id: uuid::Uuid,
    /// A consent link of practice B (or a made-up id) and a link token.
    consent_id: uuid::Uuid,
}

/// Builds the request body naming `target`.
type Body = fn(&PracticeA, &Target) -> String;

struct ForeignRow {
    path: &'static str,
    body: Body,
    /// ADMIN, ARZT, EMPFANG of practice A.
    expected: [u16; 3],
}

const FOREIGN: &[ForeignRow] = &[
    ForeignRow {
        path: "/api/change_role",
        body: |_, t| format!("user_id={}&role=ADMIN", t.user_id),
        expected: [404, 403, 403],
    },
    ForeignRow {
        path: "/api/remove_member",
        body: |_, t| format!("user_id={}", t.user_id),
        expected: [404, 403, 403],
    },
    // A valid share of A's current master key, sealed to the target's own key.
    ForeignRow {
        path: "/api/share_vault",
        body: |a, t| {
            format!(
                "user_id={}&share={}",
                t.user_id,
                form_value(&a.share_for(t))
            )
        },
        expected: [404, 403, 403],
    },
    // A complete, valid key set whose shares name A's members plus the target: refused as
    // "the team changed", the same as for an id nobody has.
    ForeignRow {
        path: "/api/rotate_keys",
        body: |a, t| a.rotation_naming(t),
        expected: [409, 403, 403],
    },
    // A link for B's patient is refused as for a patient nobody has.
    ForeignRow {
        path: "/api/create_consent_link",
        body: |_, t| {
            serde_json::json!({ "request": { "patient_id": t.patient_id.to_string(), "kind": "BOTOX",
                "valid_days": 7, "fee_cents": null, "locale": "de" } })
            .to_string()
        },
        expected: [404, 404, 404],
    },
    // B's consent with a link token nobody was shown.
    ForeignRow {
        path: "/api/send_consent_link",
        body: |_, t| {
            let token = crypto::Token::generate();
            format!(
                "consent_id={}&link={}&email=patientin%40example.org",
                t.consent_id,
                form_value(&format!(
                    "http://127.0.0.1:3000/c#{}",
                    token.to_text().as_str()
                ))
            )
        },
        expected: [404, 404, 404],
    },
    ForeignRow {
        path: "/api/open_submitted_consent",
        body: |_, t| format!("consent_id={}", t.consent_id),
        expected: [404, 404, 403],
    },
    ForeignRow {
        path: "/api/link_consent_to_patient",
        body: |_, t| format!("consent_id={}&patient_id={}", t.consent_id, t.patient_id),
        expected: [404, 404, 403],
    },
    ForeignRow {
        path: "/api/countersign_consent",
        body: |_, t| format!("consent_id={}&explained_on=2026-12-01", t.consent_id),
        expected: [404, 404, 403],
    },
    ForeignRow {
        path: "/api/revoke_consent",
        body: |_, t| format!("consent_id={}", t.consent_id),
        expected: [404, 404, 404],
    },
    ForeignRow {
        path: "/api/open_patient_record",
        body: |_, t| format!("patient_id={}", t.patient_id),
        expected: [404, 404, 404],
    },
];

/// Server functions that name no object of a practice by id: they act on the caller's own
/// session, account, vault copy or practice, found from the session. (The functions anyone
/// may call, `super::PUBLIC`, take an email address or a mailed token, never an id.)
const ID_FREE: &[&str] = &[
    "/api/whoami",
    "/api/sign_out",
    "/api/sign_out_everywhere",
    "/api/vault_material",
    "/api/vault_event",
    "/api/setup_vault",
    "/api/recovery_material",
    "/api/restore_vault_access",
    "/api/adopt_vault_share",
    "/api/team_overview",
    // An email address and a role; the invitation is made in the caller's practice.
    "/api/invite_member",
    "/api/rotation_plan",
    "/api/practice_settings",
    "/api/save_practice_settings",
    "/api/own_account",
    "/api/start_two_factor",
    "/api/confirm_two_factor",
    "/api/verify_two_factor",
    "/api/disable_two_factor",
    "/api/renew_recovery_codes",
    "/api/set_two_factor_requirement",
    "/api/linked_sign_in_accounts",
    // A provider name: only the caller's own connection.
    "/api/unlink_sign_in_account",
    // The caller's own practice's types and default validity.
    "/api/consent_link_options",
    // The caller's own practice's consents (a status, no id).
    "/api/consents_overview",
    // Patients of the caller's practice only; a lookup hash is no id (patients.rs checks
    // that another practice's patient with the same hash is not among the candidates).
    "/api/patient_list",
    "/api/find_patients",
    // Names a new id the browser chose; an id taken anywhere is refused as a conflict, which
    // tells only that a random UUID exists (patients.rs).
    "/api/create_patient",
];

impl PracticeA {
    async fn sign_in(pool: &PgPool) -> Self {
        server::seed::seed(pool).await.expect("seed");
        let (admin, admin_keys) = demo_sign_in(pool, "admin@demo.derma-consent.test").await;
        let (arzt, _) = demo_sign_in(pool, "arzt@demo.derma-consent.test").await;
        let (empfang, _) = demo_sign_in(pool, "empfang@demo.derma-consent.test").await;
        let (master, blind_index) = opened_vault(pool, &admin, &admin_keys).await;
        let practice = master.practice_id();
        let admin_user = crypto::UserId::from_bytes(
            *user_id(pool, "admin@demo.derma-consent.test")
                .await
                .as_bytes(),
        );
        let plan = post_form(router(pool.clone()), "/api/rotation_plan", "", Some(&admin)).await;
        let plan = serde_json::from_str(&plan.body).expect("json");
        Self {
            cookies: [admin, arzt, empfang],
            admin_keys,
            admin_user,
            practice,
            master,
            blind_index,
            plan,
        }
    }

    fn share_for(&self, target: &Target) -> String {
        self.master
            .share_with(&public_key(&target.public_key), user(target.user_id))
            .expect("share")
            .to_text()
    }

    /// `rotate_keys` as the ADMIN's browser sends it, with one share too many.
    fn rotation_naming(&self, target: &Target) -> String {
        let plan = &self.plan;
        let master = crypto::PracticeMasterKey::generate(self.practice, version(plan.pmk_version));
        let inbox = crypto::InboxKeyPair::generate(version(plan.key_version));
        let share = |key: &str, id: uuid::Uuid| {
            master
                .share_with(&public_key(key), user(id))
                .expect("share")
                .to_text()
        };
        let mut shares: Vec<(String, String)> = plan
            .members
            .iter()
            .map(|m| {
                let id = m.user_id.parse().expect("id");
                (m.user_id.clone(), share(&m.public_key, id))
            })
            .collect();
        shares.push((
            target.user_id.to_string(),
            share(&target.public_key, target.user_id),
        ));
        let keys = app::vault::NewKeySet {
            pmk_version: plan.pmk_version,
            key_version: plan.key_version,
            inbox_public_key: inbox.public_key().to_text(),
            wrapped_inbox_private_key: master.wrap_inbox_key(&inbox).to_text(),
            wrapped_blind_index_key: master.wrap_blind_index_key(&self.blind_index).to_text(),
            wrapped_previous_master_key: master
                .wrap_previous_master_key(&self.master)
                .expect("chain")
                .to_text(),
            admin_password_wrap: master
                .wrap_with_password(self.admin_keys.wrap_key(), self.admin_user)
                .to_text(),
            recovery_wrap: master
                .wrap_with_recovery_code(&crypto::RecoveryCode::generate())
                .to_text(),
            shares,
        };
        serde_json::json!({ "keys": keys, "login_key": self.admin_keys.login_key().to_text().as_str() })
            .to_string()
    }
}

fn public_key(text: &str) -> crypto::MemberPublicKey {
    crypto::MemberPublicKey::from_text(text).expect("public key")
}

fn version(n: i32) -> u32 {
    u32::try_from(n).expect("a key version")
}

fn user(id: uuid::Uuid) -> crypto::UserId {
    crypto::UserId::from_bytes(*id.as_bytes())
}

/// Practice B, registered as a practice owner would, with a member waiting for the vault;
/// its ADMIN stays signed in. Returns B's id and its members as targets.
async fn practice_b(pool: &PgPool) -> (uuid::Uuid, Vec<Target>) {
    let email = "chefin@andere.example";
    let login_key = practice_with_password(pool, email, "ein langes Passwort").await;
    let form = format!(
        "email={}&login_key={}",
        form_value(email),
        form_value(&login_key)
    );
    let signed_in = post_form(router(pool.clone()), "/api/sign_in", &form, None).await;
    assert_eq!(signed_in.status, StatusCode::OK, "{}", signed_in.body);
    let admin = user_id(pool, email).await;
    let practice: uuid::Uuid =
        sqlx::query_scalar(r#"select practice_id from "user" where id = $1"#)
            .bind(admin)
            .fetch_one(pool)
            .await
            .expect("practice");
    let waiting = crypto::MemberKeyPair::generate(1);
    let member: uuid::Uuid = sqlx::query_scalar(
        r#"insert into "user" (practice_id, email, role, email_verified_at, public_key)
           values ($1, 'wartet@andere.example', 'ARZT', now(), $2) returning id"#,
    )
    .bind(practice)
    .bind(&waiting.public_key().as_raw()[..])
    .fetch_one(pool)
    .await
    .expect("member");
    let patient: uuid::Uuid = sqlx::query_scalar(
        "insert into patient (practice_id, encrypted_first_name, encrypted_last_name,
                              encrypted_date_of_birth, wrapped_content_key, lookup_hash)
         values ($1, 'x', 'x', 'x', 'x', '\\x00000001') returning id",
    )
    .bind(practice)
    .fetch_one(pool)
    .await
    .expect("patient");
    let consent: uuid::Uuid = sqlx::query_scalar(
        "insert into consent_form (practice_id, patient_id, type, token_hash, expires_at)
         values ($1, $2, 'BOTOX', $3, now() + interval '7 days') returning id",
    )
    .bind(practice)
    .bind(patient)
    .bind(&crypto::Token::generate().hash().as_bytes()[..])
    .fetch_one(pool)
    .await
    .expect("consent");
    let targets = vec![
        // The only ADMIN (a refusal for "last ADMIN" would give B's away).
        Target {
            user_id: admin,
            public_key: crypto::MemberKeyPair::generate(1).public_key().to_text(),
            patient_id: patient,
            consent_id: consent,
        },
        // A member with a key and no vault yet: exactly whom a share is for.
        Target {
            user_id: member,
            public_key: waiting.public_key().to_text(),
            patient_id: patient,
            consent_id: consent,
        },
    ];
    (practice, targets)
}

/// Everything of practice B a request could change, as one comparable text.
async fn state_of(pool: &PgPool, practice: uuid::Uuid) -> String {
    sqlx::query_scalar(
        r#"
        select jsonb_build_object(
            'practice', (select to_jsonb(p) from practice p where p.id = $1),
            'users', (select jsonb_agg(to_jsonb(u) order by u.id) from "user" u where u.practice_id = $1),
            'key_wraps', (select jsonb_agg(to_jsonb(k) order by to_jsonb(k)::text) from key_wrap k where k.practice_id = $1),
            'invites', (select jsonb_agg(to_jsonb(i) order by i.id) from invite i where i.practice_id = $1),
            'consents', (select jsonb_agg(to_jsonb(c) order by c.id) from consent_form c where c.practice_id = $1),
            'outbox', (select count(*) from email_outbox o where o.practice_id = $1),
            'patients', (select jsonb_agg(to_jsonb(p) order by p.id) from patient p where p.practice_id = $1),
            'sessions', (select jsonb_agg(to_jsonb(s) order by to_jsonb(s)::text) from session s where s.practice_id = $1),
            'audit_entries', (select count(*) from audit_log a where a.practice_id = $1)
        )::text
        "#,
    )
    .bind(practice)
    .fetch_one(pool)
    .await
    .expect("state")
}

async fn answer(pool: &PgPool, path: &str, body: &str, cookie: &str) -> (u16, String) {
    let content_type = if body.starts_with('{') {
        "application/json"
    } else {
        "application/x-www-form-urlencoded"
    };
    let answer = post_body(router(pool.clone()), path, content_type, body, Some(cookie)).await;
    (answer.status.as_u16(), answer.body)
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn ids_of_another_practice_are_answered_as_unknown_and_change_nothing(pool: PgPool) {
    let _ = router(pool.clone()); // registers the server functions
    let a = PracticeA::sign_in(&pool).await;
    let (b, targets) = practice_b(&pool).await;
    let before = state_of(&pool, b).await;
    let mut failures = Vec::new();
    for row in FOREIGN {
        for (caller, (cookie, expected)) in ["ADMIN", "ARZT", "EMPFANG"]
            .into_iter()
            .zip(a.cookies.iter().zip(row.expected))
        {
            for target in &targets {
                let unknown = Target {
                    user_id: uuid::Uuid::new_v4(),
                    public_key: target.public_key.clone(),
                    patient_id: uuid::Uuid::new_v4(),
                    consent_id: uuid::Uuid::new_v4(),
                };
                let foreign = answer(&pool, row.path, &(row.body)(&a, target), cookie).await;
                let made_up = answer(&pool, row.path, &(row.body)(&a, &unknown), cookie).await;
                if foreign.0 != expected || foreign != made_up {
                    failures.push(format!(
                        "{} as {caller} of A naming {} of B: {foreign:?}; a made-up id: {made_up:?}; expected {expected}",
                        row.path, target.user_id
                    ));
                }
                if state_of(&pool, b).await != before {
                    failures.push(format!("{} as {caller} of A changed practice B", row.path));
                }
            }
        }
    }
    let team = post_form(
        router(pool.clone()),
        "/api/team_overview",
        "",
        Some(&a.cookies[0]),
    )
    .await;
    assert!(!team.body.contains("andere.example"), "{}", team.body);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_server_function_is_id_free_or_has_a_foreign_practice_row() {
    let registered: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .collect();
    assert!(!registered.is_empty());
    let has_row = |p: &str| FOREIGN.iter().any(|row| row.path == p);
    let undecided: Vec<&&str> = registered
        .iter()
        .filter(|p| !super::PUBLIC.contains(p) && !ID_FREE.contains(p) && !has_row(p))
        .collect();
    assert!(
        undecided.is_empty(),
        "server functions neither declared id-free nor given a foreign-practice row: {undecided:?}"
    );
    let listed = ID_FREE
        .iter()
        .copied()
        .chain(FOREIGN.iter().map(|r| r.path));
    let stale: Vec<&str> = listed.filter(|p| !registered.contains(p)).collect();
    assert!(stale.is_empty(), "listed but not registered: {stale:?}");
    let both: Vec<&&str> = ID_FREE.iter().filter(|p| has_row(p)).collect();
    assert!(both.is_empty(), "id-free and with a row: {both:?}");
}
