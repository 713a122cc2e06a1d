//! Sign-in with a provider (`/auth/oidc/…`) through the real router: what starts a sign-in,
//! and that a provider's answer counts once, within its time, in the browser that started it,
//! and for a connection only while the session that started it lives. (The whole flow with a
//! real provider runs in the browser tests, end2end/suites/oidc.mjs.)

use crate::support::*;

/// A router whose deployment offers Google at an issuer nobody answers on.
fn router_with_google(pool: PgPool) -> Router {
    let settings = Settings::from_env(|key| match key {
        "DATABASE_URL" => Some("postgres://unused".to_owned()),
        "DERMA_SERVER_SECRET" => Some("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8".to_owned()),
        "DERMA_OIDC_GOOGLE_CLIENT_ID" => Some("derma-test".to_owned()),
        "DERMA_OIDC_GOOGLE_CLIENT_SECRET" => Some("test-secret".to_owned()),
        // The discard port: nothing listens there.
        "DERMA_OIDC_GOOGLE_ISSUER" => Some("http://127.0.0.1:9".to_owned()),
        _ => None,
    })
    .expect("settings");
    let leptos_options = LeptosOptions::builder()
        .output_name("derma_consent")
        .site_root("target/site")
        .build();
    build_router(AppState::new(leptos_options, pool, settings))
}

async fn start(router: Router, provider: &str, intent: &str, extra: &[(&str, &str)]) -> Answer {
    let mut headers = vec![("origin", ORIGIN)];
    headers.extend_from_slice(extra);
    let mut request = Request::post(format!("/auth/oidc/{provider}"))
        .header("content-type", "application/x-www-form-urlencoded");
    for (name, value) in headers {
        request = request.header(name, value);
    }
    send(
        router,
        request
            .body(Body::from(format!("intent={intent}")))
            .expect("request"),
    )
    .await
}

async fn pending_rows(pool: &PgPool) -> i64 {
    sqlx::query_scalar("select count(*) from oidc_login")
        .fetch_one(pool)
        .await
        .expect("count")
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn only_configured_providers_and_known_intents_start(pool: PgPool) {
    // Nothing configured: no provider exists.
    let answer = start(router(pool.clone()), "google", "sign-in", &[]).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    let answer = start(router_with_google(pool.clone()), "github", "sign-in", &[]).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    let answer = start(
        router_with_google(pool.clone()),
        "google",
        "everything",
        &[],
    )
    .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    // Connecting an account needs a signed-in member.
    let answer = start(router_with_google(pool.clone()), "google", "link", &[]).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(header(&answer, "location"), "/login");
    assert_eq!(pending_rows(&pool).await, 0);
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn an_unreachable_provider_sends_the_member_back_with_a_reason(pool: PgPool) {
    let answer = start(router_with_google(pool.clone()), "google", "sign-in", &[]).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(header(&answer, "location"), "/login?oidc=failed");
    assert_eq!(
        pending_rows(&pool).await,
        0,
        "nothing recorded for a failed start"
    );
    let cookie = signed_in(&pool, "ARZT").await;
    let answer = start(
        router_with_google(pool.clone()),
        "google",
        "link",
        &[("cookie", &cookie)],
    )
    .await;
    assert_eq!(header(&answer, "location"), "/app/profil?oidc=failed");
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_start_from_another_site_is_refused(pool: PgPool) {
    let answer = start(
        router_with_google(pool.clone()),
        "google",
        "sign-in",
        &[("sec-fetch-site", "cross-site")],
    )
    .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn sign_in_forms_may_lead_to_the_configured_provider_only(pool: PgPool) {
    let page = get(router_with_google(pool.clone()), "/login", &[]).await;
    let policy = header(&page, "content-security-policy");
    assert!(
        policy.contains("form-action 'self' http://127.0.0.1:9;"),
        "{policy}"
    );
    let plain = get(router(pool), "/login", &[]).await;
    assert!(header(&plain, "content-security-policy").contains("form-action 'self';"));
}

/// A started sign-in as `/auth/oidc/google` records it; returns (state, browser cookie value).
async fn started(pool: &PgPool, linking: Option<db::oidc::Linking>) -> (String, String) {
    let state = crypto::Token::generate();
    let browser = crypto::Token::generate();
    let mut conn = pool.acquire().await.expect("connection");
    db::oidc::start(
        &mut conn,
        &db::oidc::NewLogin {
            state_hash: state.hash().as_bytes(),
            browser_hash: browser.hash().as_bytes(),
            provider: domain::SignInProvider::Google,
            nonce: "nonce",
            pkce_verifier: "verifier",
            linking,
        },
    )
    .await
    .expect("start");
    (state.to_text().to_string(), browser.to_text().to_string())
}

/// The provider's answer arriving; returns where the continue page sends the browser.
async fn answered(pool: &PgPool, query: &str, browser: Option<&str>) -> String {
    let cookie = browser.map(|b| format!("dc_oidc={b}"));
    let headers: Vec<(&str, &str)> = cookie.iter().map(|c| ("cookie", c.as_str())).collect();
    let answer = get(
        router_with_google(pool.clone()),
        &format!("/auth/oidc/google/callback?{query}"),
        &headers,
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(header(&answer, "cache-control"), "no-store");
    let set_cookies: Vec<&str> = answer
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    assert!(
        set_cookies
            .iter()
            .any(|c| c.starts_with("dc_oidc=;") && c.contains("Max-Age=0")),
        "the browser cookie is always cleared: {set_cookies:?}"
    );
    assert!(
        !set_cookies.iter().any(|c| c.starts_with("dc_session=")),
        "no session for a refused answer"
    );
    let start = answer.body.find("url=").expect("refresh target") + 4;
    let end = answer.body[start..].find('"').expect("end") + start;
    answer.body[start..end].to_owned()
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn an_answer_counts_once_and_only_in_the_browser_that_started(pool: PgPool) {
    let (state, browser) = started(&pool, None).await;
    let other = crypto::Token::generate().to_text().to_string();
    let query = format!("code=abc&state={state}");
    assert_eq!(
        answered(&pool, &query, Some(&other)).await,
        "/login?oidc=expired"
    );
    // That attempt used it up: the right browser is too late now.
    assert_eq!(
        answered(&pool, &query, Some(&browser)).await,
        "/login?oidc=expired"
    );
    assert_eq!(pending_rows(&pool).await, 0);

    let (state, _) = started(&pool, None).await;
    assert_eq!(
        answered(&pool, &format!("code=abc&state={state}"), None).await,
        "/login?oidc=expired"
    );
    assert_eq!(
        answered(&pool, "code=abc&state=not-a-token", None).await,
        "/login?oidc=expired"
    );
    assert_eq!(answered(&pool, "", None).await, "/login?oidc=expired");
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_cancelled_or_late_answer_is_explained(pool: PgPool) {
    let (state, browser) = started(&pool, None).await;
    assert_eq!(
        answered(
            &pool,
            &format!("error=access_denied&state={state}"),
            Some(&browser)
        )
        .await,
        "/login?oidc=cancelled"
    );
    let (state, browser) = started(&pool, None).await;
    sqlx::query("update oidc_login set expires_at = now() - interval '1 second'")
        .execute(&pool)
        .await
        .expect("age");
    assert_eq!(
        answered(&pool, &format!("code=abc&state={state}"), Some(&browser)).await,
        "/login?oidc=expired"
    );
    // The provider could not be asked for the code's identity (nobody answers there).
    let (state, browser) = started(&pool, None).await;
    assert_eq!(
        answered(&pool, &format!("code=abc&state={state}"), Some(&browser)).await,
        "/login?oidc=failed"
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_connection_needs_the_session_that_started_it(pool: PgPool) {
    let cookie = signed_in(&pool, "ADMIN").await;
    let token = cookie.split("dc_session=").nth(1).expect("token");
    let session_hash = *crypto::Token::from_text(token)
        .expect("token")
        .hash()
        .as_bytes();
    let (practice_id, user_id): (uuid::Uuid, uuid::Uuid) =
        sqlx::query_as("select practice_id, user_id from session where id_hash = $1")
            .bind(&session_hash[..])
            .fetch_one(&pool)
            .await
            .expect("session");
    let linking = db::oidc::Linking {
        member: db::oidc::Member {
            practice_id,
            user_id,
        },
        session_hash,
    };
    // Live session: the answer goes on to the provider (unreachable here), back to the profile.
    let (state, browser) = started(&pool, Some(linking)).await;
    assert_eq!(
        answered(&pool, &format!("code=abc&state={state}"), Some(&browser)).await,
        "/app/profil?oidc=failed"
    );
    // Signed out meanwhile: nothing is connected, and the member must sign in again.
    let (state, browser) = started(&pool, Some(linking)).await;
    sqlx::query("delete from session")
        .execute(&pool)
        .await
        .expect("sign out");
    assert_eq!(
        answered(&pool, &format!("code=abc&state={state}"), Some(&browser)).await,
        "/login?oidc=expired"
    );
    let accounts: i64 = sqlx::query_scalar("select count(*) from account")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(accounts, 0);
}
