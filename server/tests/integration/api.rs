//! HTTP behaviour of the router: health, pages, headers, language, sessions, sign-in, vault,
//! rate limits and the demo seed.

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
    // One fixed deployment secret, as every server of a real deployment shares one.
    let settings = Settings::from_env(|key| match key {
        "DATABASE_URL" => Some("postgres://unused".to_owned()),
        "DERMA_SERVER_SECRET" => Some("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8".to_owned()),
        _ => None,
    })
    .expect("settings");
    let leptos_options = LeptosOptions::builder()
        .output_name("derma_consent")
        .site_root("target/site")
        .build();
    build_router(AppState::new(leptos_options, pool, settings))
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

const ORIGIN: &str = "http://127.0.0.1:3000";

async fn post(router: Router, path: &str, headers: &[(&str, &str)]) -> Answer {
    let mut request =
        Request::post(path).header("content-type", "application/x-www-form-urlencoded");
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

/// A staff member of a new practice with a live session; returns the cookie header value.
async fn signed_in(pool: &PgPool, role: &str) -> String {
    let practice_id: uuid::Uuid =
        sqlx::query_scalar("insert into practice (name) values ('Praxis') returning id")
            .fetch_one(pool)
            .await
            .expect("practice");
    let user_id: uuid::Uuid = sqlx::query_scalar(
        "insert into \"user\" (practice_id, email, role) values ($1, $2, $3::user_role) returning id",
    )
    .bind(practice_id)
    .bind(format!("{}@praxis.example", uuid::Uuid::new_v4()))
    .bind(role)
    .fetch_one(pool)
    .await
    .expect("user");
    let token = crypto::Token::generate();
    let mut conn = pool.acquire().await.expect("connection");
    db::session::create(
        &mut conn,
        token.hash().as_bytes(),
        practice_id,
        user_id,
        None,
        db::session::SessionPolicy::default(),
    )
    .await
    .expect("session");
    format!("lang=de; dc_session={}", token.to_text().as_str())
}

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

async fn post_form(router: Router, path: &str, form: &str, cookie: Option<&str>) -> Answer {
    let mut request = Request::post(path)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", ORIGIN);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let response = router
        .oneshot(request.body(Body::from(form.to_owned())).expect("request"))
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

fn form_value(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Registers a practice whose ADMIN has `password`; returns the browser-side login key text.
async fn practice_with_password(pool: &PgPool, email: &str, password: &str) -> String {
    // The floor parameters keep the test fast; the browser uses the 64 MiB defaults.
    let params = crypto::KdfParams::new(19 * 1024, 2, 1, [5; 16]).expect("params");
    let keys = crypto::PasswordKeys::derive(password, &params).expect("derive");
    let verifier = crypto::LoginVerifier::create(keys.login_key());
    let email = domain::Email::parse(email).expect("email");
    let mut tx = pool.begin().await.expect("begin");
    db::practice::register(
        &mut tx,
        &domain::PracticeName::parse("Praxis Sonnenschein").expect("name"),
        &db::practice::AdminCredentials {
            email: &email,
            login_verifier_phc: verifier.as_str(),
            kdf_salt: params.salt(),
            kdf_memory_kib: 19 * 1024,
            kdf_iterations: 2,
            locale: "de",
        },
        None,
    )
    .await
    .expect("register");
    tx.commit().await.expect("commit");
    keys.login_key().to_text().to_string()
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn sign_in_parameters_do_not_reveal_whether_an_account_exists(pool: PgPool) {
    practice_with_password(&pool, "chefin@praxis.example", "ein langes Passwort").await;
    let known = post_form(
        router(pool.clone()),
        "/api/sign_in_parameters",
        "email=chefin%40praxis.example",
        None,
    )
    .await;
    assert_eq!(known.status, StatusCode::OK, "{}", known.body);
    let params: String = serde_json::from_str(&known.body).expect("json string");
    let parsed = crypto::KdfParams::from_text(&params).expect("valid parameters");
    assert_eq!(parsed.salt(), &[5; 16]);

    let unknown = post_form(
        router(pool.clone()),
        "/api/sign_in_parameters",
        "email=niemand%40praxis.example",
        None,
    )
    .await;
    assert_eq!(unknown.status, StatusCode::OK);
    let decoy =
        crypto::KdfParams::from_text(&serde_json::from_str::<String>(&unknown.body).expect("json"))
            .expect("valid");
    let again = post_form(
        router(pool),
        "/api/sign_in_parameters",
        "email=NIEMAND%40praxis.example",
        None,
    )
    .await;
    assert_eq!(
        unknown.body, again.body,
        "stable, and case-insensitive like real accounts"
    );
    assert_eq!(
        (decoy.memory_kib(), decoy.iterations()),
        (64 * 1024, 3),
        "looks like a real default account"
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn signing_in_with_the_right_key_starts_a_session(pool: PgPool) {
    let login_key =
        practice_with_password(&pool, "chefin@praxis.example", "ein langes Passwort").await;
    let form = format!(
        "email=chefin%40praxis.example&login_key={}",
        form_value(&login_key)
    );
    let answer = post_form(router(pool.clone()), "/api/sign_in", &form, None).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let profile: serde_json::Value = serde_json::from_str(&answer.body).expect("json");
    assert_eq!(
        (profile["role"].as_str(), profile["email"].as_str()),
        (Some("ADMIN"), Some("chefin@praxis.example"))
    );
    assert_eq!(profile["two_factor_verified"], false);
    let set_cookie = header(&answer, "set-cookie");
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Strict"),
        "{set_cookie}"
    );
    let cookie = set_cookie.split(';').next().expect("pair").to_owned();
    let me = post_form(router(pool.clone()), "/api/whoami", "", Some(&cookie)).await;
    assert!(me.body.contains("ADMIN"), "{}", me.body);
    let actions: Vec<String> = sqlx::query_scalar("select action from audit_log order by seq")
        .fetch_all(&pool)
        .await
        .expect("audit");
    assert_eq!(actions, ["practice.registered", "auth.login_succeeded"]);
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn wrong_keys_and_unknown_addresses_get_the_same_answer_then_a_lock(pool: PgPool) {
    let right = practice_with_password(&pool, "arzt@praxis.example", "richtig und lang").await;
    let wrong_key = crypto::PasswordKeys::derive(
        "falsch",
        &crypto::KdfParams::new(19 * 1024, 2, 1, [5; 16]).expect("p"),
    )
    .expect("derive")
    .login_key()
    .to_text()
    .to_string();
    let unknown = post_form(
        router(pool.clone()),
        "/api/sign_in",
        &format!(
            "email=niemand%40praxis.example&login_key={}",
            form_value(&wrong_key)
        ),
        None,
    )
    .await;
    let wrong_form = format!(
        "email=arzt%40praxis.example&login_key={}",
        form_value(&wrong_key)
    );
    let wrong = post_form(router(pool.clone()), "/api/sign_in", &wrong_form, None).await;
    assert_eq!(
        unknown.body, wrong.body,
        "no difference between unknown address and wrong password"
    );
    assert!(wrong.body.contains("stimmen nicht"), "{}", wrong.body);
    assert!(wrong.headers.get("set-cookie").is_none());
    for _ in 2..5 {
        post_form(router(pool.clone()), "/api/sign_in", &wrong_form, None).await;
    }
    let locked = post_form(router(pool.clone()), "/api/sign_in", &wrong_form, None).await;
    assert!(
        locked.body.contains("RateLimited"),
        "the fifth failure locks: {}",
        locked.body
    );
    let right_form = format!(
        "email=arzt%40praxis.example&login_key={}",
        form_value(&right)
    );
    let still_locked = post_form(router(pool.clone()), "/api/sign_in", &right_form, None).await;
    assert!(
        still_locked.body.contains("RateLimited"),
        "even the right key waits: {}",
        still_locked.body
    );
    let actions: Vec<String> =
        sqlx::query_scalar("select action from audit_log where action like 'auth.%' order by seq")
            .fetch_all(&pool)
            .await
            .expect("audit");
    assert_eq!(
        actions.iter().filter(|a| *a == "auth.login_failed").count(),
        5
    );
    assert_eq!(
        actions.iter().filter(|a| *a == "auth.locked_out").count(),
        1
    );
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

/// The whole vault set-up as an ADMIN's browser does it, natively with the real crypto crate,
/// through the real server functions; then a second browser session opens what the server
/// handed back and reads a patient submission. The server only ever held envelopes.
#[sqlx::test(migrator = "db::MIGRATOR")]
async fn the_vault_is_set_up_once_and_opens_only_with_the_password(pool: PgPool) {
    use crypto::{
        BlindIndexKey, ConsentId, FormHash, InboxKeyPair, KdfParams, MemberKeyPair, PasswordKeys,
        PracticeId, PracticeMasterKey, RecoveryCode, SubmissionContext, SubmissionId, UserId,
    };
    let password = "Praxis-Tresor mit langem Passwort";
    let login_key = practice_with_password(&pool, "chefin@praxis.example", password).await;
    let form = format!(
        "email=chefin%40praxis.example&login_key={}",
        form_value(&login_key)
    );
    let signed_in = post_form(router(pool.clone()), "/api/sign_in", &form, None).await;
    let cookie = header(&signed_in, "set-cookie")
        .split(';')
        .next()
        .expect("cookie")
        .to_owned();
    let (practice_uuid, user_uuid): (uuid::Uuid, uuid::Uuid) =
        sqlx::query_as("select practice_id, id from \"user\"")
            .fetch_one(&pool)
            .await
            .expect("ids");
    let (practice, user) = (
        PracticeId::from_bytes(*practice_uuid.as_bytes()),
        UserId::from_bytes(*user_uuid.as_bytes()),
    );

    let params = KdfParams::new(19 * 1024, 2, 1, [5; 16]).expect("params");
    let keys = PasswordKeys::derive(password, &params).expect("derive");
    let pmk = PracticeMasterKey::generate(practice, 1);
    let inbox = InboxKeyPair::generate(1);
    let member = MemberKeyPair::generate(1);
    let recovery = RecoveryCode::generate();
    let fields = [
        ("inbox_public_key", inbox.public_key().to_text()),
        (
            "wrapped_inbox_private_key",
            pmk.wrap_inbox_key(&inbox).to_text(),
        ),
        (
            "wrapped_blind_index_key",
            pmk.wrap_blind_index_key(&BlindIndexKey::generate(practice, 1))
                .to_text(),
        ),
        (
            "admin_password_wrap",
            pmk.wrap_with_password(keys.wrap_key(), user).to_text(),
        ),
        (
            "recovery_wrap",
            pmk.wrap_with_recovery_code(&recovery).to_text(),
        ),
        ("admin_public_key", member.public_key().to_text()),
        (
            "admin_wrapped_private_key",
            member
                .wrap_with_password(keys.wrap_key(), practice, user)
                .to_text(),
        ),
    ];
    let body = |fields: &[(&str, String)]| {
        fields
            .iter()
            .map(|(k, v)| format!("{k}={}", form_value(v)))
            .collect::<Vec<_>>()
            .join("&")
    };

    // A recovery wrap offered as the password wrap is refused before anything is stored.
    let mut swapped = fields.clone();
    swapped[3].1 = fields[4].1.clone();
    let refused = post_form(
        router(pool.clone()),
        "/api/setup_vault",
        &body(&swapped),
        Some(&cookie),
    )
    .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);

    let created = post_form(
        router(pool.clone()),
        "/api/setup_vault",
        &body(&fields),
        Some(&cookie),
    )
    .await;
    assert_eq!(created.status, StatusCode::OK, "{}", created.body);
    let again = post_form(
        router(pool.clone()),
        "/api/setup_vault",
        &body(&fields),
        Some(&cookie),
    )
    .await;
    assert_eq!(
        again.status,
        StatusCode::CONFLICT,
        "only once: {}",
        again.body
    );

    // Another browser: fetch the material and open it with the password alone.
    let answer = post_form(
        router(pool.clone()),
        "/api/vault_material",
        "",
        Some(&cookie),
    )
    .await;
    let material: app::vault::VaultMaterialDto = serde_json::from_str::<Option<_>>(&answer.body)
        .expect("json")
        .expect("material");
    let wrap = crypto::PasswordWrapEnvelope::from_text(&material.password_wrap).expect("envelope");
    let again_keys = PasswordKeys::derive(password, &params).expect("derive");
    let opened =
        PracticeMasterKey::unwrap_with_password(&wrap, again_keys.wrap_key(), practice, user)
            .expect("unwrap");
    let wrong = PasswordKeys::derive("ein anderes Passwort", &params).expect("derive");
    assert!(
        PracticeMasterKey::unwrap_with_password(&wrap, wrong.wrap_key(), practice, user).is_err()
    );
    let inbox_again = opened
        .unwrap_inbox_key(
            &crypto::KeyWrapEnvelope::from_text(&material.wrapped_inbox_private_key)
                .expect("envelope"),
        )
        .expect("inbox key");
    let context = SubmissionContext {
        practice_id: practice,
        consent_id: ConsentId::from_bytes([1; 16]),
        form_hash: FormHash::of(b"BOTOX v1"),
        submission_id: SubmissionId::from_bytes([2; 16]),
    };
    let sealed = inbox
        .public_key()
        .seal_submission(b"Antworten der Patientin", &context)
        .expect("seal");
    assert_eq!(
        inbox_again
            .open_submission(&sealed, &context)
            .expect("open")
            .as_slice(),
        b"Antworten der Patientin"
    );

    let actions: Vec<String> = sqlx::query_scalar("select action from audit_log order by seq")
        .fetch_all(&pool)
        .await
        .expect("audit");
    assert_eq!(actions.last().map(String::as_str), Some("vault.created"));
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn only_an_admin_sets_up_the_vault(pool: PgPool) {
    for role in ["ARZT", "EMPFANG"] {
        let cookie = signed_in(&pool, role).await;
        let answer = post_form(router(pool.clone()), "/api/setup_vault", "inbox_public_key=x&wrapped_inbox_private_key=x&wrapped_blind_index_key=x&admin_password_wrap=x&recovery_wrap=x&admin_public_key=x&admin_wrapped_private_key=x", Some(&cookie)).await;
        assert_eq!(
            answer.status,
            StatusCode::FORBIDDEN,
            "{role}: {}",
            answer.body
        );
    }
    let signed_out = post_form(router(pool), "/api/vault_material", "", None).await;
    assert_eq!(signed_out.status, StatusCode::UNAUTHORIZED);
}

/// The demo seed makes a practice that works like a real one: every member signs in with the
/// demo password and opens the vault, and patient names decrypt with the practice keys.
#[sqlx::test(migrator = "db::MIGRATOR")]
async fn the_demo_seed_is_usable_and_idempotent(pool: PgPool) {
    let links = server::seed::seed(&pool)
        .await
        .expect("seed")
        .expect("created");
    assert_eq!(links.len(), 2);
    assert!(
        server::seed::seed(&pool)
            .await
            .expect("second run")
            .is_none(),
        "a second run changes nothing"
    );

    let arzt = "arzt@demo.derma-consent.test";
    let params = post_form(
        router(pool.clone()),
        "/api/sign_in_parameters",
        &format!("email={}", form_value(arzt)),
        None,
    )
    .await;
    let params =
        crypto::KdfParams::from_text(&serde_json::from_str::<String>(&params.body).expect("json"))
            .expect("params");
    let keys = crypto::PasswordKeys::derive(server::seed::DEMO_PASSWORD, &params).expect("derive");
    let form = format!(
        "email={}&login_key={}",
        form_value(arzt),
        form_value(&keys.login_key().to_text())
    );
    let signed_in = post_form(router(pool.clone()), "/api/sign_in", &form, None).await;
    assert_eq!(signed_in.status, StatusCode::OK, "{}", signed_in.body);
    let cookie = header(&signed_in, "set-cookie")
        .split(';')
        .next()
        .expect("cookie")
        .to_owned();
    let answer = post_form(
        router(pool.clone()),
        "/api/vault_material",
        "",
        Some(&cookie),
    )
    .await;
    let material: app::vault::VaultMaterialDto = serde_json::from_str::<Option<_>>(&answer.body)
        .expect("json")
        .expect("shared");
    let practice =
        crypto::PracticeId::from_bytes(app::vault::uuid_bytes(&material.practice_id).expect("id"));
    let user = crypto::UserId::from_bytes(app::vault::uuid_bytes(&material.user_id).expect("id"));
    let master = crypto::PracticeMasterKey::unwrap_with_password(
        &crypto::PasswordWrapEnvelope::from_text(&material.password_wrap).expect("envelope"),
        keys.wrap_key(),
        practice,
        user,
    )
    .expect("the ARZT opens the vault");

    let (patient_id, first_name, wrapped): (uuid::Uuid, String, String) =
        sqlx::query_as("select id, encrypted_first_name, wrapped_content_key from patient order by created_at limit 1")
            .fetch_one(&pool)
            .await
            .expect("patient");
    let object = crypto::ObjectId::from_bytes(*patient_id.as_bytes());
    let content_key = master
        .unwrap_content_key(
            &crypto::KeyWrapEnvelope::from_text(&wrapped).expect("envelope"),
            object,
        )
        .expect("key");
    let name = content_key
        .decrypt(
            &crypto::ObjectEnvelope::from_text(&first_name).expect("envelope"),
            &crypto::ObjectContext {
                practice_id: practice,
                object_id: object,
                field: "first_name",
            },
        )
        .expect("decrypt");
    assert_eq!(name.as_slice(), b"Erika");
    let plaintext_anywhere: i64 = sqlx::query_scalar(
        "select count(*) from patient where encrypted_first_name like '%Erika%' or encrypted_last_name like '%Mustermann%'",
    )
    .fetch_one(&pool)
    .await
    .expect("scan");
    assert_eq!(plaintext_anywhere, 0);
}

/// One network cannot create practices without end; the refusal names the wait.
#[sqlx::test(migrator = "db::MIGRATOR")]
async fn registration_is_rate_limited_per_network(pool: PgPool) {
    let params = crypto::KdfParams::new(19 * 1024, 2, 1, [5; 16]).expect("params");
    let keys = crypto::PasswordKeys::derive("ein langes Passwort", &params).expect("derive");
    let login_key = form_value(&keys.login_key().to_text());
    let params = form_value(&params.to_text());
    let mut statuses = Vec::new();
    for n in 0..11 {
        let form = format!("practice_name=Praxis+{n}&email=p{n}%40praxis.example&kdf_params={params}&login_key={login_key}");
        statuses.push(
            post_form(router(pool.clone()), "/api/register_practice", &form, None)
                .await
                .status,
        );
    }
    assert!(
        statuses[..10].iter().all(|s| *s == StatusCode::OK),
        "{statuses:?}"
    );
    assert_eq!(statuses[10], StatusCode::TOO_MANY_REQUESTS);
    let practices: i64 = sqlx::query_scalar("select count(*) from practice")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(practices, 10);
}
