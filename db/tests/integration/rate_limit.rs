//! Shared fixed-window rate limits.

use std::time::Duration;

use db::rate_limit::{hit, Limit};
use sqlx::PgPool;

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn the_hit_after_the_limit_is_refused_with_a_wait(pool: PgPool) {
    let limit = Limit {
        max_hits: 3,
        window: Duration::from_hours(1),
    };
    let mut conn = pool.acquire().await.expect("connection");
    for _ in 0..3 {
        assert_eq!(
            hit(&mut conn, "register:net:203.0.113.0/24", limit)
                .await
                .expect("hit"),
            None
        );
    }
    let wait = hit(&mut conn, "register:net:203.0.113.0/24", limit)
        .await
        .expect("hit")
        .expect("refused");
    assert!((1..=3600).contains(&wait), "{wait}");
    assert_eq!(
        hit(&mut conn, "register:net:198.51.100.0/24", limit)
            .await
            .expect("hit"),
        None,
        "keys are separate"
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn concurrent_hits_are_all_counted(pool: PgPool) {
    let limit = Limit {
        max_hits: 10,
        window: Duration::from_hours(1),
    };
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let pool = pool.clone();
            tokio::spawn(async move {
                let mut conn = pool.acquire().await.expect("connection");
                hit(&mut conn, "sign_in:net:x", limit).await.expect("hit")
            })
        })
        .collect();
    let mut refused = 0;
    for task in tasks {
        if task.await.expect("task").is_some() {
            refused += 1;
        }
    }
    assert_eq!(refused, 10, "exactly the hits over the limit are refused");
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn ended_windows_are_purged(pool: PgPool) {
    let mut conn = pool.acquire().await.expect("connection");
    hit(
        &mut conn,
        "old",
        Limit {
            max_hits: 1,
            window: Duration::from_mins(1),
        },
    )
    .await
    .expect("hit");
    sqlx::query("update rate_limit_bucket set window_start = now() - interval '2 hours'")
        .execute(&mut *conn)
        .await
        .expect("age");
    hit(
        &mut conn,
        "new",
        Limit {
            max_hits: 1,
            window: Duration::from_mins(1),
        },
    )
    .await
    .expect("hit");
    assert_eq!(
        db::rate_limit::purge_before(&mut conn, Duration::from_hours(1))
            .await
            .expect("purge"),
        1
    );
}
