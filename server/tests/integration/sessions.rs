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
    let audited: Vec<String> =
        sqlx::query_scalar("select action from audit_log where action = 'auth.logged_out'")
            .fetch_all(&pool)
            .await
            .expect("audit");
    assert_eq!(audited.len(), 1, "the sign-out is audited once");
}

async fn whoami(pool: &PgPool, cookie: &str) -> String {
    post_form(router(pool.clone()), "/api/whoami", "", Some(cookie))
        .await
        .body
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn signing_out_everywhere_ends_every_session_of_the_member_only(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (here, _) = demo_sign_in(&pool, "arzt@demo.derma-consent.test").await;
    let (elsewhere, _) = demo_sign_in(&pool, "arzt@demo.derma-consent.test").await;
    let (colleague, _) = demo_sign_in(&pool, "empfang@demo.derma-consent.test").await;
    let stranger = signed_in(&pool, "ARZT").await;

    let answer = post_form(
        router(pool.clone()),
        "/api/sign_out_everywhere",
        "",
        Some(&here),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let cleared = header(&answer, "set-cookie");
    assert!(
        cleared.starts_with("dc_session=;") && cleared.contains("Max-Age=0"),
        "{cleared}"
    );
    assert_eq!(whoami(&pool, &here).await, "null");
    assert_eq!(
        whoami(&pool, &elsewhere).await,
        "null",
        "the other device too"
    );
    assert!(whoami(&pool, &colleague).await.contains("EMPFANG"));
    assert!(whoami(&pool, &stranger).await.contains("ARZT"));

    let arzt = user_id(&pool, "arzt@demo.derma-consent.test").await;
    let left: i64 = sqlx::query_scalar("select count(*) from session where user_id = $1")
        .bind(arzt)
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(left, 0);
    let (entity, actor, metadata): (Option<uuid::Uuid>, Option<uuid::Uuid>, serde_json::Value) =
        sqlx::query_as(
            "select entity_id, actor_user_id, metadata from audit_log
             where action = 'auth.logged_out_everywhere'",
        )
        .fetch_one(&pool)
        .await
        .expect("audited once");
    assert_eq!((entity, actor), (Some(arzt), Some(arzt)));
    assert_eq!(metadata, serde_json::json!({ "sessions_ended": 2 }));

    // The ended session can do nothing more, not even once again.
    let again = post_form(
        router(pool.clone()),
        "/api/sign_out_everywhere",
        "",
        Some(&here),
    )
    .await;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED);
}

/// Regression: the signed-in staff area, rendered on the server (a reload), must complete.
#[sqlx::test(migrator = "db::MIGRATOR")]
async fn the_signed_in_staff_area_renders_on_the_server(pool: PgPool) {
    let cookie = signed_in(&pool, "ARZT").await;
    // Generous: the dashboard waits for its counts from the database, and the whole suite runs
    // many databases in parallel on two cores; a render that hangs still fails.
    let answer = tokio::time::timeout(
        Duration::from_secs(30),
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
