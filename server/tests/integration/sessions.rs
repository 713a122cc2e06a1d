//! Session cookies, the same-origin guard and signing out.

use crate::support::*;

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn the_session_cookie_identifies_the_staff_member(pool: PgPool) {
    let cookie = signed_in(&pool, "ARZT").await;
    let answer = post(
        router(pool.clone()),
        "/api/whoami",
        &[("cookie", &cookie), ("origin", ORIGIN)],
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let profile: serde_json::Value = serde_json::from_str(&answer.body).expect("json");
    assert_eq!(profile["role"], "ARZT");
    assert_eq!(profile["two_factor_verified"], false);
    assert!(profile["email"]
        .as_str()
        .is_some_and(|e| e.ends_with("@praxis.example")));

    let signed_out = post(router(pool.clone()), "/api/whoami", &[("origin", ORIGIN)]).await;
    assert_eq!(signed_out.body, "null");
    let forged = post(
        router(pool),
        "/api/whoami",
        &[("origin", ORIGIN), ("cookie", "dc_session=not-a-token")],
    )
    .await;
    assert_eq!(forged.body, "null", "a malformed token is no session");
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn cross_site_state_changes_are_refused(pool: PgPool) {
    let cookie = signed_in(&pool, "ADMIN").await;
    for headers in [
        vec![
            ("cookie", cookie.as_str()),
            ("origin", "https://evil.example"),
        ],
        vec![
            ("cookie", cookie.as_str()),
            ("sec-fetch-site", "cross-site"),
        ],
        vec![("cookie", cookie.as_str())],
    ] {
        let answer = post(router(pool.clone()), "/api/sign_out", &headers).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{headers:?}");
        assert!(
            answer.headers.contains_key("content-security-policy"),
            "refusals carry the security headers too"
        );
    }
    // The session survived every forged sign-out.
    let answer = post(
        router(pool),
        "/api/whoami",
        &[("cookie", &cookie), ("sec-fetch-site", "same-origin")],
    )
    .await;
    assert!(answer.body.contains("ADMIN"), "{}", answer.body);
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn signing_out_ends_the_session_and_clears_the_cookie(pool: PgPool) {
    let cookie = signed_in(&pool, "EMPFANG").await;
    let answer = post(
        router(pool.clone()),
        "/api/sign_out",
        &[("cookie", &cookie), ("origin", ORIGIN)],
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let cleared = header(&answer, "set-cookie");
    assert!(
        cleared.starts_with("dc_session=;") && cleared.contains("Max-Age=0"),
        "{cleared}"
    );
    let after = post(
        router(pool.clone()),
        "/api/whoami",
        &[("cookie", &cookie), ("origin", ORIGIN)],
    )
    .await;
    assert_eq!(after.body, "null", "the old cookie no longer works");
    let sessions: i64 = sqlx::query_scalar("select count(*) from session")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(sessions, 0);
}

/// Regression: the signed-in staff area, rendered on the server (a reload), must complete.
#[sqlx::test(migrator = "db::MIGRATOR")]
async fn the_signed_in_staff_area_renders_on_the_server(pool: PgPool) {
    let cookie = signed_in(&pool, "ARZT").await;
    let answer = tokio::time::timeout(
        Duration::from_secs(10),
        get(router(pool), "/app", &[("cookie", &cookie)]),
    )
    .await
    .expect("the page finished rendering");
    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        answer.body.contains("Willkommen im Praxisbereich"),
        "{}",
        answer.body
    );
}

/// The browser's own vault reports cannot flood the audit log; the refusal says when to retry.
#[sqlx::test(migrator = "db::MIGRATOR")]
async fn vault_reports_are_limited_per_member_with_a_retry_after(pool: PgPool) {
    let cookie = signed_in(&pool, "ARZT").await;
    for _ in 0..120 {
        let ok = post_form(
            router(pool.clone()),
            "/api/vault_event",
            "unlocked=false",
            Some(&cookie),
        )
        .await;
        assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    }
    let refused = post_form(
        router(pool.clone()),
        "/api/vault_event",
        "unlocked=false",
        Some(&cookie),
    )
    .await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = header(&refused, "retry-after").parse().expect("seconds");
    assert!((1..=3600).contains(&retry), "{retry}");
    let audited: i64 =
        sqlx::query_scalar("select count(*) from audit_log where action = 'vault.locked'")
            .fetch_one(&pool)
            .await
            .expect("count");
    assert_eq!(audited, 120);
}
