//! Sign-in records and the per-account back-off.

use db::practice::{register, AdminCredentials};
use db::staff::{login_record, record_failure, record_success, FAILURES_BEFORE_LOCK};
use domain::{Email, PracticeName, UserRole};
use sqlx::PgPool;

async fn admin(pool: &PgPool, email: &Email) -> db::practice::Registered {
    let mut tx = pool.begin().await.expect("begin");
    let registered = register(
        &mut tx,
        &PracticeName::parse("Praxis").expect("name"),
        &AdminCredentials {
            email,
            login_verifier_phc: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
            kdf_salt: &[3; 16],
            kdf_memory_kib: 65_536,
            kdf_iterations: 3,
            locale: "de",
        },
        None,
    )
    .await
    .expect("register");
    tx.commit().await.expect("commit");
    registered
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn the_record_carries_what_sign_in_needs(pool: PgPool) {
    let email = Email::parse("chefin@praxis.example").expect("email");
    let who = admin(&pool, &email).await;
    let mut conn = pool.acquire().await.expect("connection");
    let record = login_record(&mut conn, &email)
        .await
        .expect("query")
        .expect("found");
    assert_eq!(
        (record.user_id, record.role),
        (who.admin_id, UserRole::Admin)
    );
    assert_eq!(record.kdf_salt.as_deref(), Some(&[3u8; 16][..]));
    assert_eq!(record.locked_for_secs, 0);
    let nobody = Email::parse("nobody@praxis.example").expect("email");
    assert!(login_record(&mut conn, &nobody)
        .await
        .expect("query")
        .is_none());
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn repeated_failures_lock_with_growing_back_off_and_success_resets(pool: PgPool) {
    let email = Email::parse("arzt@praxis.example").expect("email");
    let who = admin(&pool, &email).await;
    let mut conn = pool.acquire().await.expect("connection");
    for _ in 1..FAILURES_BEFORE_LOCK {
        assert_eq!(
            record_failure(&mut conn, who.practice_id, who.admin_id)
                .await
                .expect("fail"),
            0
        );
    }
    let first_lock = record_failure(&mut conn, who.practice_id, who.admin_id)
        .await
        .expect("fail");
    assert!(
        (55..=60).contains(&first_lock),
        "first lock is one minute: {first_lock}"
    );
    let second_lock = record_failure(&mut conn, who.practice_id, who.admin_id)
        .await
        .expect("fail");
    assert!(
        (115..=120).contains(&second_lock),
        "then two: {second_lock}"
    );
    for _ in 0..20 {
        record_failure(&mut conn, who.practice_id, who.admin_id)
            .await
            .expect("fail");
    }
    let record = login_record(&mut conn, &email)
        .await
        .expect("query")
        .expect("found");
    assert!(
        (3590..=3600).contains(&record.locked_for_secs),
        "capped at an hour: {}",
        record.locked_for_secs
    );
    record_success(&mut conn, who.practice_id, who.admin_id)
        .await
        .expect("success");
    assert_eq!(
        login_record(&mut conn, &email)
            .await
            .expect("query")
            .expect("found")
            .locked_for_secs,
        0
    );
}
