//! The hash-chained audit log against a real PostgreSQL.

use db::audit::{append, verify_chain, ChainCheck, NewAuditEntry};
use domain::AuditAction;
use sqlx::PgPool;
use uuid::Uuid;

async fn practice(pool: &PgPool) -> Uuid {
    sqlx::query_scalar("insert into practice (name) values ('Praxis') returning id")
        .fetch_one(pool)
        .await
        .expect("practice")
}

fn entry(practice_id: Uuid, n: u32) -> NewAuditEntry<'static> {
    NewAuditEntry {
        practice_id,
        action: AuditAction::ConsentViewed,
        entity: Some(("consent_form", Uuid::new_v4())),
        actor_user_id: None,
        ip_truncated: Some("203.0.113.0/24"),
        metadata: serde_json::json!({ "n": n }),
    }
}

async fn append_committed(pool: &PgPool, entry: &NewAuditEntry<'_>) -> i64 {
    let mut tx = pool.begin().await.expect("begin");
    let position = append(&mut tx, entry).await.expect("append");
    tx.commit().await.expect("commit");
    position.seq
}

async fn check(pool: &PgPool, practice_id: Uuid) -> ChainCheck {
    let mut conn = pool.acquire().await.expect("connection");
    verify_chain(&mut conn, practice_id).await.expect("verify")
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn entries_chain_in_order_per_practice(pool: PgPool) {
    let (a, b) = (practice(&pool).await, practice(&pool).await);
    for n in 1..=3 {
        assert_eq!(append_committed(&pool, &entry(a, n)).await, i64::from(n));
    }
    assert_eq!(
        append_committed(&pool, &entry(b, 1)).await,
        1,
        "each practice has its own chain"
    );
    assert_eq!(check(&pool, a).await, ChainCheck::Intact { entries: 3 });
    assert_eq!(check(&pool, b).await, ChainCheck::Intact { entries: 1 });
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn concurrent_appends_stay_gap_free_and_intact(pool: PgPool) {
    let practice_id = practice(&pool).await;
    let tasks: Vec<_> = (0..24)
        .map(|n| {
            let pool = pool.clone();
            tokio::spawn(async move { append_committed(&pool, &entry(practice_id, n)).await })
        })
        .collect();
    let mut seqs = Vec::new();
    for task in tasks {
        seqs.push(task.await.expect("task"));
    }
    seqs.sort_unstable();
    assert_eq!(seqs, (1..=24).collect::<Vec<i64>>());
    assert_eq!(
        check(&pool, practice_id).await,
        ChainCheck::Intact { entries: 24 }
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn an_entry_rolls_back_with_its_transaction(pool: PgPool) {
    let practice_id = practice(&pool).await;
    let mut tx = pool.begin().await.expect("begin");
    append(&mut tx, &entry(practice_id, 1))
        .await
        .expect("append");
    tx.rollback().await.expect("rollback");
    assert_eq!(
        check(&pool, practice_id).await,
        ChainCheck::Intact { entries: 0 }
    );
    assert_eq!(append_committed(&pool, &entry(practice_id, 2)).await, 1);
}

/// Tampering needs the table owner to switch the append-only trigger off; the chain still
/// shows where history was changed.
#[sqlx::test(migrator = "db::MIGRATOR")]
async fn tampering_is_detected_at_the_changed_entry(pool: PgPool) {
    let practice_id = practice(&pool).await;
    for n in 1..=4 {
        append_committed(&pool, &entry(practice_id, n)).await;
    }
    sqlx::query("alter table audit_log disable trigger audit_log_no_update")
        .execute(&pool)
        .await
        .expect("owner");

    sqlx::query("update audit_log set metadata = '{\"n\": 99}' where practice_id = $1 and seq = 2")
        .bind(practice_id)
        .execute(&pool)
        .await
        .expect("tamper");
    assert_eq!(
        check(&pool, practice_id).await,
        ChainCheck::BrokenAt { seq: 2 }
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_removed_entry_is_detected(pool: PgPool) {
    let practice_id = practice(&pool).await;
    for n in 1..=4 {
        append_committed(&pool, &entry(practice_id, n)).await;
    }
    sqlx::query("alter table audit_log disable trigger audit_log_no_update")
        .execute(&pool)
        .await
        .expect("owner");
    sqlx::query("delete from audit_log where practice_id = $1 and seq = 3")
        .bind(practice_id)
        .execute(&pool)
        .await
        .expect("delete");
    assert_eq!(
        check(&pool, practice_id).await,
        ChainCheck::BrokenAt { seq: 4 }
    );
}
