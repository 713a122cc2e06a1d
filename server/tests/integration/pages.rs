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

/// Regression: building a router used to render the whole app to find its routes, and while it
/// did, Leptos held back the resources of every page rendered anywhere in the process
/// (`SuppressResourceLoad` is one global flag): a page waiting for data then hung forever. That
/// is what hung the suite now and then (the signed-in staff area, the suspended pages); the
/// routes are now found once per process (server/src/startup.rs).
#[sqlx::test(migrator = "db::MIGRATOR")]
async fn pages_waiting_for_data_finish_while_other_routers_are_built(pool: PgPool) {
    use std::sync::atomic::{AtomicBool, Ordering};
    let cookie = signed_in(&pool, "ARZT").await;
    let stop = std::sync::Arc::new(AtomicBool::new(false));
    let builder = {
        let (stop, pool) = (stop.clone(), pool.clone());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                drop(router(pool.clone()));
            }
        })
    };
    let mut rendered = 0;
    for _ in 0..20 {
        // Seconds when it works; before the fix the first render already hung.
        let Ok(answer) = tokio::time::timeout(
            Duration::from_secs(20),
            get(router(pool.clone()), "/app", &[("cookie", &cookie)]),
        )
        .await
        else {
            break;
        };
        assert_eq!(answer.status, StatusCode::OK);
        assert!(answer.body.contains("Willkommen im Praxisbereich"));
        rendered += 1;
    }
    stop.store(true, Ordering::Relaxed);
    builder.join().expect("the router builder");
    assert_eq!(rendered, 20, "a render hung while another router was built");
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

/// The nonce of every `<script>` and `<style>` tag of a page; none may be without one.
fn tag_nonces(body: &str) -> Vec<String> {
    ["<script", "<style"]
        .iter()
        .flat_map(|tag| body.split(tag).skip(1))
        .map(|rest| {
            let attributes = rest.split('>').next().unwrap_or("");
            attributes
                .split("nonce=\"")
                .nth(1)
                .and_then(|n| n.split('"').next())
                .unwrap_or_else(|| panic!("a tag without a nonce: {attributes}"))
                .to_owned()
        })
        .collect()
}

/// `/c` is kept rendered per language (server/src/startup/patient_page.rs), but every answer
/// has a nonce of its own, in its CSP and in all its scripts, and the rest of every layer.
#[sqlx::test(migrator = "db::MIGRATOR")]
async fn every_patient_page_has_its_own_nonce_though_it_is_rendered_once_per_language(
    pool: PgPool,
) {
    let router = router(pool);
    let mut answers = Vec::new();
    for _ in 0..4 {
        answers.push(get(router.clone(), "/c", &[]).await);
    }
    let first = &answers[0];
    let first_nonce = csp_nonce(first);
    let mut seen = std::collections::HashSet::new();
    for answer in &answers {
        assert_eq!(answer.status, StatusCode::OK);
        assert!(answer.body.contains("Ihre Aufklärung und Einwilligung"));
        assert!(answer.body.contains("<html lang=\"de\""));
        let nonce = csp_nonce(answer);
        assert_eq!(nonce.len(), 22, "16 random bytes");
        assert!(seen.insert(nonce.clone()), "a nonce was used twice");
        let in_tags = tag_nonces(&answer.body);
        assert!(!in_tags.is_empty(), "the hydration scripts carry a nonce");
        assert!(in_tags.iter().all(|n| *n == nonce), "{in_tags:?} ≠ {nonce}");
        assert_eq!(
            answer.body.replace(&nonce, "N"),
            first.body.replace(&first_nonce, "N"),
            "apart from the nonce, the same page"
        );
        // Every layer still runs.
        assert_eq!(header(answer, "cache-control"), "no-store");
        assert_eq!(header(answer, "x-frame-options"), "DENY");
        assert!(uuid::Uuid::parse_str(header(answer, "x-request-id")).is_ok());
        assert!(header(answer, "content-type").starts_with("text/html"));
    }
    for later in &answers[1..] {
        assert!(
            !later.body.contains(&first_nonce),
            "no answer repeats the nonce of the rendering that was kept"
        );
    }

    // Each language is its own rendering, chosen as the app chooses it.
    let english = get(
        router.clone(),
        "/c",
        &[("accept-language", "en-GB,en;q=0.9")],
    )
    .await;
    assert!(english.body.contains("<html lang=\"en\""));
    let english_again = get(router.clone(), "/c", &[("cookie", "lang=en")]).await;
    assert!(english_again.body.contains("<html lang=\"en\""));
    assert_eq!(
        english.body.replace(&csp_nonce(&english), "N"),
        english_again.body.replace(&csp_nonce(&english_again), "N")
    );
    let cookie_wins = get(
        router.clone(),
        "/c",
        &[("accept-language", "en"), ("cookie", "lang=de")],
    )
    .await;
    assert!(cookie_wins.body.contains("<html lang=\"de\""));

    // Rendered as usual, each with its own nonce too: a session cookie, a query string.
    for (path, headers) in [
        ("/c", &[("cookie", "dc_session=abc")][..]),
        ("/c?from=mail", &[][..]),
    ] {
        let answer = get(router.clone(), path, headers).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        let nonce = csp_nonce(&answer);
        assert!(tag_nonces(&answer.body).iter().all(|n| *n == nonce));
        assert!(!seen.contains(&nonce));
    }
}
