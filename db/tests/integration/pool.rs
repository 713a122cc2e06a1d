//! The pool never reuses a connection left inside a transaction (db::pool::connect_with).

use sqlx::PgPool;

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_connection_left_inside_a_transaction_is_closed_not_reused(pool: PgPool) {
    let ours = db::connect_with(
        (*pool.connect_options()).clone(),
        &db::PoolSettings {
            max_connections: 1,
            ..db::PoolSettings::default()
        },
    );
    {
        let mut conn = ours.acquire().await.expect("connection");
        // What a task dropped during its BEGIN leaves behind: a transaction sqlx does not
        // count, here holding a lock.
        sqlx::raw_sql("begin; select pg_advisory_xact_lock(4711)")
            .execute(&mut *conn)
            .await
            .expect("leftover transaction");
    }
    // Handed back, the connection is closed and its transaction with it: the lock is free
    // again (before, the connection idled in the pool holding it until someone's COMMIT).
    let mut waited = std::time::Duration::ZERO;
    loop {
        let free: bool = sqlx::query_scalar("select pg_try_advisory_lock(4711)")
            .fetch_one(&pool)
            .await
            .expect("try lock");
        if free {
            break;
        }
        assert!(
            waited < std::time::Duration::from_secs(10),
            "the leftover transaction still holds its lock after {waited:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        waited += std::time::Duration::from_millis(50);
    }
    // The pool goes on with a fresh connection, outside any transaction.
    let mut conn = ours.acquire().await.expect("a fresh connection");
    let fresh: bool = sqlx::Executor::fetch_one(&mut *conn, db::pool::FRESH_TRANSACTION)
        .await
        .and_then(|row| sqlx::Row::try_get(&row, 0))
        .expect("checked");
    assert!(fresh);
    // A connection handed back in good order is reused, not closed: the same backend again.
    let pid = "select pg_backend_pid()";
    let first: i32 = sqlx::query_scalar(pid)
        .fetch_one(&mut *conn)
        .await
        .expect("pid");
    drop(conn);
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let mut again = ours.acquire().await.expect("the connection again");
    let second: i32 = sqlx::query_scalar(pid)
        .fetch_one(&mut *again)
        .await
        .expect("pid");
    assert_eq!(second, first);
}
