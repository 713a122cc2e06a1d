//! The real router, driven in-process (`tower::ServiceExt::oneshot`) against a fresh database
//! per test on the private PostgreSQL cluster.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::Router;
use http::{header, Request, StatusCode};
use http_body_util::BodyExt as _;
use leptos::config::LeptosOptions;
use sqlx::PgPool;
use tower::ServiceExt as _;

use server::{build_router, AppState, Settings};

fn router(pool: PgPool) -> Router {
    let settings =
        Settings::from_env(|key| (key == "DATABASE_URL").then(|| "postgres://unused".to_owned()))
            .expect("settings");
    let leptos_options = LeptosOptions::builder()
        .output_name("derma_consent")
        .site_root("target/site")
        .build();
    build_router(AppState {
        leptos_options,
        pool,
        settings: Arc::new(settings),
    })
}

struct Answer {
    status: StatusCode,
    headers: http::HeaderMap,
    body: String,
}

async fn get(router: Router, path: &str, headers: &[(&str, &str)]) -> Answer {
    let mut request = Request::get(path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = router
        .oneshot(request.body(Body::empty()).expect("request"))
        .await
        .expect("response");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

fn header<'a>(answer: &'a Answer, name: &str) -> &'a str {
    answer
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("missing header {name}"))
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn healthz_answers_without_the_database(pool: PgPool) {
    pool.close().await;
    let answer = get(router(pool), "/healthz", &[]).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.body.contains("\"ok\""));
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn readyz_reports_a_reachable_database(pool: PgPool) {
    let answer = get(router(pool), "/readyz", &[]).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert!(answer.body.contains("\"database\":\"up\""));
}

#[tokio::test]
async fn readyz_reports_an_unreachable_database_without_details() {
    let settings = db::PoolSettings {
        max_connections: 1,
        acquire_timeout: Duration::from_millis(500),
    };
    let pool = db::connect(
        "postgres://nobody@localhost/none?host=/nonexistent-socket-dir&port=1",
        &settings,
    )
    .expect("lazy pool");
    let answer = get(router(pool), "/readyz", &[]).await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        answer.body, r#"{"checks":{"database":"down"},"status":"unavailable"}"#,
        "no details leak"
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn landing_page_is_rendered_on_the_server_in_german_by_default(pool: PgPool) {
    let answer = get(router(pool), "/", &[]).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(header(&answer, "content-type").starts_with("text/html"));
    assert!(
        answer.body.contains("<html lang=\"de\""),
        "{}",
        &answer.body[..200.min(answer.body.len())]
    );
    assert!(answer.body.contains("Aufklärung und Einwilligung digital"));
    assert!(
        answer.body.contains("/pkg/derma_consent.js"),
        "hydration script is referenced"
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn language_follows_cookie_then_accept_language(pool: PgPool) {
    let english = get(
        router(pool.clone()),
        "/",
        &[("accept-language", "en-GB,en;q=0.9")],
    )
    .await;
    assert!(english.body.contains("<html lang=\"en\""));
    assert!(english
        .body
        .contains("Patient information and consent, digital"));
    let cookie_wins = get(
        router(pool),
        "/",
        &[("accept-language", "en"), ("cookie", "lang=de")],
    )
    .await;
    assert!(cookie_wins.body.contains("<html lang=\"de\""));
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn every_response_carries_the_security_headers(pool: PgPool) {
    for path in [
        "/",
        "/healthz",
        "/readyz",
        "/does-not-exist",
        "/c",
        "/lang/en",
    ] {
        let answer = get(router(pool.clone()), path, &[]).await;
        let csp = header(&answer, "content-security-policy");
        assert!(
            csp.contains("'wasm-unsafe-eval'") && csp.contains("'nonce-"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(
            header(&answer, "x-content-type-options"),
            "nosniff",
            "{path}"
        );
        assert_eq!(header(&answer, "referrer-policy"), "no-referrer", "{path}");
        assert_eq!(header(&answer, "cache-control"), "no-store", "{path}");
        assert!(!header(&answer, "x-request-id").is_empty(), "{path}");
    }
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn inline_scripts_carry_the_nonce_of_the_header_and_it_changes(pool: PgPool) {
    let nonce_of = |answer: &Answer| {
        let csp = header(answer, "content-security-policy");
        let start = csp.find("'nonce-").expect("nonce") + 7;
        csp[start..]
            .split('\'')
            .next()
            .expect("nonce end")
            .to_owned()
    };
    let first = get(router(pool.clone()), "/", &[]).await;
    let second = get(router(pool), "/", &[]).await;
    let nonce = nonce_of(&first);
    assert_ne!(nonce, nonce_of(&second));
    let scripts: Vec<&str> = first
        .body
        .split("<script")
        .skip(1)
        .map(|rest| rest.split('>').next().unwrap_or(""))
        .collect();
    assert!(!scripts.is_empty());
    for attributes in scripts {
        assert!(
            attributes.contains(&format!("nonce=\"{nonce}\"")),
            "<script{attributes}> lacks the nonce"
        );
    }
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn unknown_paths_get_a_real_not_found_page(pool: PgPool) {
    let answer = get(router(pool), "/no/such/page", &[]).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert!(answer.body.contains("Seite nicht gefunden"));
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn product_routes_render(pool: PgPool) {
    for (path, text) in [
        ("/login", "Anmelden"),
        ("/register", "Praxis registrieren"),
        ("/app", "Bitte melden Sie sich an"),
        ("/app/patients", "Bitte melden Sie sich an"),
        ("/c", "Ihre Aufklärung und Einwilligung"),
        ("/kiosk", "Praxis-Tablet"),
    ] {
        let answer = get(router(pool.clone()), path, &[]).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        assert!(answer.body.contains(text), "{path} should contain {text}");
    }
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn language_switch_sets_a_cookie_and_only_returns_to_local_paths(pool: PgPool) {
    let answer = get(router(pool.clone()), "/lang/en?next=/app/patients", &[]).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(header(&answer, "location"), "/app/patients");
    assert!(header(&answer, "set-cookie").starts_with("lang=en;"));
    let open_redirect = get(router(pool.clone()), "/lang/de?next=//evil.example", &[]).await;
    assert_eq!(header(&open_redirect, "location"), "/");
    let unknown = get(router(pool), "/lang/xx?next=/kiosk", &[]).await;
    assert_eq!(
        unknown.status,
        StatusCode::SEE_OTHER,
        "an unknown language just goes back"
    );
    assert_eq!(header(&unknown, "location"), "/kiosk");
    assert!(unknown.headers.get(header::SET_COOKIE).is_none());
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn request_ids_are_made_by_the_server_not_the_caller(pool: PgPool) {
    let answer = get(
        router(pool),
        "/healthz",
        &[("x-request-id", "injected-by-the-caller")],
    )
    .await;
    let id = header(&answer, "x-request-id");
    assert_ne!(id, "injected-by-the-caller");
    assert!(uuid::Uuid::parse_str(id).is_ok(), "{id}");
}
