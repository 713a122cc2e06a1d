//! Connected provider accounts: one member per provider account, one account per provider and
//! member, and only active, confirmed members sign in with one.

use db::oidc::{link, linked_accounts, owner, unlink, LinkOutcome, Member};
use domain::SignInProvider::{Google, Microsoft};
use sqlx::PgPool;

async fn member(pool: &PgPool, practice_id: Option<uuid::Uuid>) -> Member {
    let practice_id = match practice_id {
        Some(id) => id,
        None => sqlx::query_scalar("insert into practice (name) values ('Praxis') returning id")
            .fetch_one(pool)
            .await
            .expect("practice"),
    };
    let user_id = sqlx::query_scalar(
        "insert into \"user\" (practice_id, email, role, email_verified_at)
         values ($1, $2, 'ARZT', now()) returning id",
    )
    .bind(practice_id)
    .bind(format!("{}@praxis.example", uuid::Uuid::new_v4()))
    .fetch_one(pool)
    .await
    .expect("user");
    Member {
        practice_id,
        user_id,
    }
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_provider_account_belongs_to_one_member(pool: PgPool) {
    let a = member(&pool, None).await;
    let colleague = member(&pool, Some(a.practice_id)).await;
    let elsewhere = member(&pool, None).await;
    let mut conn = pool.acquire().await.expect("connection");
    assert_eq!(
        link(&mut conn, a, Google, "sub-1").await.expect("link"),
        LinkOutcome::Linked
    );
    assert_eq!(
        link(&mut conn, a, Google, "sub-1").await.expect("again"),
        LinkOutcome::AlreadyLinked
    );
    for other in [colleague, elsewhere] {
        assert_eq!(
            link(&mut conn, other, Google, "sub-1")
                .await
                .expect("taken"),
            LinkOutcome::TakenByAnother
        );
    }
    assert_eq!(
        link(&mut conn, a, Google, "sub-2").await.expect("second"),
        LinkOutcome::AlreadyHasOne
    );
    // The same subject at another provider is another account.
    assert_eq!(
        link(&mut conn, colleague, Microsoft, "sub-1")
            .await
            .expect("ms"),
        LinkOutcome::Linked
    );
    let found = owner(&mut conn, Google, "sub-1")
        .await
        .expect("owner")
        .expect("found");
    assert_eq!(
        (found.practice_id, found.user_id),
        (a.practice_id, a.user_id)
    );
    let listed = linked_accounts(&mut conn, a).await.expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].provider, Google);
    assert!(unlink(&mut conn, a, Google).await.expect("unlink"));
    assert!(!unlink(&mut conn, a, Google).await.expect("gone"));
    assert_eq!(
        owner(&mut conn, Google, "sub-1").await.expect("owner"),
        None
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn removed_or_unconfirmed_members_sign_in_with_nothing(pool: PgPool) {
    let removed = member(&pool, None).await;
    let unconfirmed = member(&pool, None).await;
    let mut conn = pool.acquire().await.expect("connection");
    link(&mut conn, removed, Google, "removed")
        .await
        .expect("link");
    link(&mut conn, unconfirmed, Google, "unconfirmed")
        .await
        .expect("link");
    sqlx::query("update \"user\" set removed_at = now() where id = $1")
        .bind(removed.user_id)
        .execute(&mut *conn)
        .await
        .expect("remove");
    sqlx::query("update \"user\" set email_verified_at = null where id = $1")
        .bind(unconfirmed.user_id)
        .execute(&mut *conn)
        .await
        .expect("unconfirm");
    assert_eq!(owner(&mut conn, Google, "removed").await.expect("q"), None);
    assert_eq!(
        owner(&mut conn, Google, "unconfirmed").await.expect("q"),
        None
    );
}
