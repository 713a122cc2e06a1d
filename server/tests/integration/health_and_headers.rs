//! Health checks, security headers, the CSP nonce and request ids.

use crate::support::*;

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
