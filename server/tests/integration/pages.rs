//! Server-rendered pages: content, language, the route table, not-found, the language switch.

use crate::support::*;

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

/// Regression: page titles inside `<Suspense>` were rendered after the page's reactive arena
/// had ended and panicked (`sandboxed-arenas … no Arena is active`), depending on timing.
#[sqlx::test(migrator = "db::MIGRATOR")]
async fn suspended_pages_render_their_titles_every_time(pool: PgPool) {
    for _ in 0..25 {
        for path in ["/app", "/login", "/register"] {
            let answer = get(router(pool.clone()), path, &[]).await;
            assert_eq!(answer.status, StatusCode::OK, "{path}");
            assert!(answer.body.contains("<title>"), "{path} has its title");
        }
    }
}

/// The nonce a response's CSP allows for scripts.
fn csp_nonce(answer: &Answer) -> String {
    let csp = header(answer, "content-security-policy");
    csp.split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the CSP")
        .to_owned()
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn the_patient_page_is_rendered_once_per_language_and_served_with_each_requests_nonce(
    pool: PgPool,
) {
    let router = router(pool);
    let first = get(router.clone(), "/c", &[]).await;
    let second = get(router.clone(), "/c", &[]).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(second.status, StatusCode::OK);
    let (n1, n2) = (csp_nonce(&first), csp_nonce(&second));
    assert_ne!(n1, n2, "every response has a fresh nonce");
    assert!(
        second.body.contains(&format!("nonce=\"{n2}\"")),
        "the scripts carry this response's nonce"
    );
    assert!(
        !second.body.contains(&n1),
        "and not the one of the first rendering"
    );
    assert_eq!(first.body.replace(&n1, "N"), second.body.replace(&n2, "N"));
    assert!(second.body.contains("Ihre Aufklärung und Einwilligung"));

    // Another language is its own rendering.
    let english = get(router.clone(), "/c", &[("accept-language", "en")]).await;
    assert!(
        english.body.contains("<html lang=\"en\""),
        "{}",
        &english.body[..200.min(english.body.len())]
    );
    let german = get(router.clone(), "/c", &[]).await;
    assert!(german.body.contains("<html lang=\"de\""));
    // A staff member's session is never served a kept page (it is rendered for them).
    let staffed = get(router, "/c", &[("cookie", "dc_session=abc")]).await;
    assert_eq!(staffed.status, StatusCode::OK);
    assert!(staffed
        .body
        .contains(&format!("nonce=\"{}\"", csp_nonce(&staffed))));
}
