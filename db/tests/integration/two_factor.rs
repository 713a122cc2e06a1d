//! Two-factor records: enrolment states, the replay guard, single-use recovery codes and the
//! practice requirement.

use db::two_factor;
use sqlx::PgPool;
use uuid::Uuid;

async fn member(pool: &PgPool) -> (Uuid, Uuid) {
    let practice_id: Uuid =
        sqlx::query_scalar("insert into practice (name) values ('Praxis') returning id")
            .fetch_one(pool)
            .await
            .expect("practice");
    let user_id: Uuid = sqlx::query_scalar(
        r#"insert into "user" (practice_id, email, role) values ($1, $2, 'ARZT') returning id"#,
    )
    .bind(practice_id)
    .bind(format!("{}@praxis.example", Uuid::new_v4()))
    .fetch_one(pool)
    .await
    .expect("user");
    (practice_id, user_id)
}

const SEALED: [u8; 49] = [1; 49];

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn enrolment_is_only_enabled_after_a_secret_was_stored(pool: PgPool) {
    let (practice, user) = member(&pool).await;
    let mut conn = pool.acquire().await.expect("connection");
    assert!(
        !two_factor::enable(&mut conn, practice, user, &[[7; 32]])
            .await
            .expect("enable"),
        "nothing to enable without a started enrolment"
    );
    assert!(
        two_factor::start_enrolment(&mut conn, practice, user, &SEALED)
            .await
            .expect("start")
    );
    let started = two_factor::state(&mut conn, practice, user)
        .await
        .expect("state")
        .expect("member");
    assert_eq!(
        (started.enabled, started.sealed_secret.as_deref()),
        (false, Some(&SEALED[..]))
    );
    assert!(
        two_factor::enable(&mut conn, practice, user, &[[7; 32], [8; 32]])
            .await
            .expect("enable")
    );
    let enabled = two_factor::state(&mut conn, practice, user)
        .await
        .expect("state")
        .expect("member");
    assert!(enabled.enabled);
    assert_eq!(enabled.recovery_codes_left, 2);
    assert!(
        !two_factor::start_enrolment(&mut conn, practice, user, &[2; 49])
            .await
            .expect("start"),
        "an enabled secret is not replaced by a new enrolment"
    );
    let refused = sqlx::query(r#"update "user" set totp_secret_encrypted = null where id = $1"#)
        .bind(user)
        .execute(&mut *conn)
        .await;
    assert!(
        refused.is_err(),
        "an enabled second factor keeps its secret"
    );
    assert!(two_factor::disable(&mut conn, practice, user)
        .await
        .expect("disable"));
    let off = two_factor::state(&mut conn, practice, user)
        .await
        .expect("state")
        .expect("member");
    assert_eq!(
        (
            off.enabled,
            off.sealed_secret,
            off.last_step,
            off.recovery_codes_left
        ),
        (false, None, None, 0)
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_step_is_accepted_once_and_never_an_older_one(pool: PgPool) {
    let (practice, user) = member(&pool).await;
    let mut conn = pool.acquire().await.expect("connection");
    two_factor::start_enrolment(&mut conn, practice, user, &SEALED)
        .await
        .expect("start");
    for (step, accepted) in [(100, true), (100, false), (99, false), (101, true)] {
        assert_eq!(
            two_factor::accept_step(&mut conn, practice, user, step)
                .await
                .expect("accept"),
            accepted,
            "step {step}"
        );
    }
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn recovery_codes_are_single_use_and_personal(pool: PgPool) {
    let (practice, user) = member(&pool).await;
    let (other_practice, other) = member(&pool).await;
    let mut conn = pool.acquire().await.expect("connection");
    two_factor::replace_recovery_codes(&mut conn, practice, user, &[[1; 32], [2; 32]])
        .await
        .expect("codes");
    assert!(
        !two_factor::use_recovery_code(&mut conn, other_practice, other, &[1; 32])
            .await
            .expect("use"),
        "another member's code does nothing"
    );
    assert!(
        two_factor::use_recovery_code(&mut conn, practice, user, &[1; 32])
            .await
            .expect("use")
    );
    assert!(
        !two_factor::use_recovery_code(&mut conn, practice, user, &[1; 32])
            .await
            .expect("use")
    );
    two_factor::replace_recovery_codes(&mut conn, practice, user, &[[3; 32]])
        .await
        .expect("renew");
    assert!(
        !two_factor::use_recovery_code(&mut conn, practice, user, &[2; 32])
            .await
            .expect("use"),
        "renewal retires the old codes"
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn the_requirement_reports_changes_only(pool: PgPool) {
    let (practice, user) = member(&pool).await;
    let mut conn = pool.acquire().await.expect("connection");
    assert!(
        !required(&mut conn, practice, user).await,
        "no settings row: not required"
    );
    assert!(two_factor::set_required(&mut conn, practice, true)
        .await
        .expect("set"));
    assert!(!two_factor::set_required(&mut conn, practice, true)
        .await
        .expect("again"));
    assert!(required(&mut conn, practice, user).await);
    assert!(two_factor::set_required(&mut conn, practice, false)
        .await
        .expect("off"));
}

async fn required(conn: &mut sqlx::PgConnection, practice: Uuid, user: Uuid) -> bool {
    two_factor::state(conn, practice, user)
        .await
        .expect("state")
        .expect("member")
        .required_by_practice
}
