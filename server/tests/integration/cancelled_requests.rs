//! A request whose browser went away (a reload, a closed tab) still finishes what it started
//! (server::completion): before, its work was dropped at whatever point it had reached, and a
//! drop during a `BEGIN` left a pooled connection inside a transaction nobody knew of.

use crate::support::*;

const ARZT: &str = "arzt@demo.derma-consent.test";

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_sign_in_whose_browser_went_away_still_finishes(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let form = sign_in_form(ARZT, &demo_keys(&pool, ARZT).await);
    let sessions = || {
        sqlx::query_scalar::<_, i64>(
            "select count(*) from session s join \"user\" u on u.id = s.user_id where u.email = $1",
        )
        .bind(ARZT)
        .fetch_one(&pool)
    };
    assert_eq!(sessions().await.expect("count"), 0);

    let request = Request::post("/api/sign_in")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", ORIGIN)
        .body(Body::from(form))
        .expect("request");
    let mut call = Box::pin(router(pool.clone()).oneshot(request));
    // The browser goes away while the server checks the login key (an Argon2id hash).
    let answered = tokio::time::timeout(Duration::from_millis(1), &mut call).await;
    assert!(
        answered.is_err(),
        "a sign-in takes longer than a millisecond"
    );
    drop(call);

    let mut waited = Duration::ZERO;
    while sessions().await.expect("count") == 0 {
        assert!(
            waited < Duration::from_secs(20),
            "the sign-in was dropped halfway: no session after {waited:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
        waited += Duration::from_millis(50);
    }
}
