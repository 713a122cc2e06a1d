//! Sessions: lifetime limits, rotation, and ending them.

use db::session::{self, SessionOwner, SessionPolicy};
use domain::UserRole;
use sqlx::PgPool;
use uuid::Uuid;

struct Staff {
    practice_id: Uuid,
    user_id: Uuid,
}

async fn staff(pool: &PgPool, role: &str) -> Staff {
    let practice_id: Uuid =
        sqlx::query_scalar("insert into practice (name) values ('Praxis') returning id")
            .fetch_one(pool)
            .await
            .expect("practice");
    let user_id: Uuid = sqlx::query_scalar(
        "insert into \"user\" (practice_id, email, role) values ($1, $2, $3::user_role) returning id",
    )
    .bind(practice_id)
    .bind(format!("{}@praxis.example", Uuid::new_v4()))
    .bind(role)
    .fetch_one(pool)
    .await
    .expect("user");
    Staff {
        practice_id,
        user_id,
    }
}

fn id(n: u8) -> [u8; 32] {
    [n; 32]
}

async fn start(pool: &PgPool, who: &Staff, hash: [u8; 32]) {
    let mut conn = pool.acquire().await.expect("connection");
    session::create(
        &mut conn,
        &hash,
        who.practice_id,
        who.user_id,
        Some("203.0.113.0/24"),
        SessionPolicy::default(),
    )
    .await
    .expect("create");
}

async fn touch(pool: &PgPool, hash: [u8; 32]) -> Option<SessionOwner> {
    let mut conn = pool.acquire().await.expect("connection");
    session::touch(&mut conn, &hash, SessionPolicy::default())
        .await
        .expect("touch")
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_fresh_session_names_its_owner_and_role(pool: PgPool) {
    let arzt = staff(&pool, "ARZT").await;
    start(&pool, &arzt, id(1)).await;
    let owner = touch(&pool, id(1)).await.expect("live");
    assert_eq!(owner.user_id, arzt.user_id);
    assert_eq!(owner.practice_id, arzt.practice_id);
    assert_eq!(owner.role, UserRole::Arzt);
    assert!(!owner.two_factor_verified);
    assert_eq!(
        touch(&pool, id(2)).await,
        None,
        "an unknown id is no session"
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn thirty_idle_minutes_end_a_session_but_use_keeps_it_alive(pool: PgPool) {
    let who = staff(&pool, "EMPFANG").await;
    start(&pool, &who, id(1)).await;
    start(&pool, &who, id(2)).await;
    sqlx::query(
        "update session set last_seen_at = now() - interval '29 minutes' where id_hash = $1",
    )
    .bind(&id(1)[..])
    .execute(&pool)
    .await
    .expect("age");
    sqlx::query(
        "update session set last_seen_at = now() - interval '31 minutes' where id_hash = $1",
    )
    .bind(&id(2)[..])
    .execute(&pool)
    .await
    .expect("age");
    assert!(
        touch(&pool, id(1)).await.is_some(),
        "29 idle minutes are fine"
    );
    assert!(
        touch(&pool, id(2)).await.is_none(),
        "31 idle minutes are not"
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn twelve_hours_end_a_session_however_busy(pool: PgPool) {
    let who = staff(&pool, "ADMIN").await;
    start(&pool, &who, id(1)).await;
    let expires_in: f64 =
        sqlx::query_scalar("select extract(epoch from expires_at - now())::float8 from session")
            .fetch_one(&pool)
            .await
            .expect("expiry");
    assert!(
        (12.0 * 3600.0 - 60.0..=12.0 * 3600.0).contains(&expires_in),
        "{expires_in}"
    );
    sqlx::query("update session set expires_at = now() - interval '1 second'")
        .execute(&pool)
        .await
        .expect("expire");
    assert!(touch(&pool, id(1)).await.is_none());
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn rotation_retires_the_old_id(pool: PgPool) {
    let who = staff(&pool, "ARZT").await;
    start(&pool, &who, id(1)).await;
    let mut conn = pool.acquire().await.expect("connection");
    assert!(session::rotate(
        &mut conn,
        &id(1),
        &id(2),
        Some(true),
        SessionPolicy::default()
    )
    .await
    .expect("rotate"));
    drop(conn);
    assert!(touch(&pool, id(1)).await.is_none(), "the old id is dead");
    assert!(
        touch(&pool, id(2))
            .await
            .expect("new id lives")
            .two_factor_verified
    );
    let mut conn = pool.acquire().await.expect("connection");
    assert!(
        !session::rotate(&mut conn, &id(1), &id(3), None, SessionPolicy::default())
            .await
            .expect("rotate"),
        "a dead session cannot be rotated into a live one"
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn ending_sessions(pool: PgPool) {
    let who = staff(&pool, "ARZT").await;
    let other = staff(&pool, "ARZT").await;
    for n in 1..=3 {
        start(&pool, &who, id(n)).await;
    }
    start(&pool, &other, id(9)).await;
    let mut conn = pool.acquire().await.expect("connection");
    assert!(session::end(&mut conn, &id(1)).await.expect("end"));
    assert_eq!(
        session::end_all_for_user(&mut conn, who.practice_id, who.user_id)
            .await
            .expect("end all"),
        2
    );
    drop(conn);
    assert!(
        touch(&pool, id(9)).await.is_some(),
        "someone else's session is untouched"
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn removing_a_member_ends_their_sessions_at_once(pool: PgPool) {
    let who = staff(&pool, "EMPFANG").await;
    start(&pool, &who, id(1)).await;
    sqlx::query("delete from \"user\" where id = $1")
        .bind(who.user_id)
        .execute(&pool)
        .await
        .expect("remove");
    assert!(touch(&pool, id(1)).await.is_none());
}
