//! Registering a practice.

use db::audit::{verify_chain, ChainCheck};
use db::practice::{register, AdminCredentials, RegisterError};
use domain::{Email, PracticeName};
use sqlx::PgPool;

fn credentials(email: &Email) -> AdminCredentials<'_> {
    AdminCredentials {
        email,
        login_verifier_phc: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",
        kdf_salt: &[7; 16],
        kdf_memory_kib: 65_536,
        kdf_iterations: 3,
        locale: "de",
    }
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn registration_creates_practice_admin_trial_and_audit_entry(pool: PgPool) {
    let email = Email::parse("Inhaberin@Praxis.example").expect("email");
    let name = PracticeName::parse("Hautarztpraxis am Markt").expect("name");
    let mut tx = pool.begin().await.expect("begin");
    let registered = register(&mut tx, &name, &credentials(&email), Some("203.0.113.0/24"))
        .await
        .expect("register");
    tx.commit().await.expect("commit");

    let (role, stored_email): (String, String) =
        sqlx::query_as("select role::text, email from \"user\" where id = $1 and practice_id = $2")
            .bind(registered.admin_id)
            .bind(registered.practice_id)
            .fetch_one(&pool)
            .await
            .expect("admin");
    assert_eq!(
        (role.as_str(), stored_email.as_str()),
        ("ADMIN", "inhaberin@praxis.example")
    );
    let (plan, status, trial_days): (String, String, f64) = sqlx::query_as(
        "select plan::text, status::text, extract(epoch from trial_ends_at - now())::float8 / 86400 from subscription where practice_id = $1",
    )
    .bind(registered.practice_id)
    .fetch_one(&pool)
    .await
    .expect("subscription");
    assert_eq!((plan.as_str(), status.as_str()), ("FREE_TRIAL", "TRIALING"));
    assert!((13.9..=14.0).contains(&trial_days), "{trial_days}");
    let settings: i64 =
        sqlx::query_scalar("select count(*) from practice_settings where practice_id = $1")
            .bind(registered.practice_id)
            .fetch_one(&pool)
            .await
            .expect("settings");
    assert_eq!(settings, 1);
    let action: String = sqlx::query_scalar("select action from audit_log where practice_id = $1")
        .bind(registered.practice_id)
        .fetch_one(&pool)
        .await
        .expect("audit");
    assert_eq!(action, "practice.registered");
    let mut conn = pool.acquire().await.expect("connection");
    assert_eq!(
        verify_chain(&mut conn, registered.practice_id)
            .await
            .expect("verify"),
        ChainCheck::Intact { entries: 1 }
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_taken_address_is_refused_and_leaves_nothing_behind(pool: PgPool) {
    let email = Email::parse("arzt@praxis.example").expect("email");
    let first = PracticeName::parse("Erste Praxis").expect("name");
    let mut tx = pool.begin().await.expect("begin");
    register(&mut tx, &first, &credentials(&email), None)
        .await
        .expect("first");
    tx.commit().await.expect("commit");

    let second = PracticeName::parse("Zweite Praxis").expect("name");
    let mut tx = pool.begin().await.expect("begin");
    let refused = register(&mut tx, &second, &credentials(&email), None).await;
    assert!(
        matches!(refused, Err(RegisterError::EmailTaken)),
        "{refused:?}"
    );
    tx.rollback().await.expect("rollback");
    let practices: i64 = sqlx::query_scalar("select count(*) from practice")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(
        practices, 1,
        "the second practice was rolled back with its admin"
    );
}
