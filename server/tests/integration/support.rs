//! Helpers shared by the integration tests: the router, requests, signed-in staff.

pub(crate) use axum::body::Body;
pub(crate) use axum::Router;
pub(crate) use http::{header, Request, StatusCode};
pub(crate) use http_body_util::BodyExt as _;
pub(crate) use leptos::config::LeptosOptions;
pub(crate) use server::{build_router, AppState, Settings};
pub(crate) use sqlx::PgPool;
pub(crate) use std::time::Duration;
pub(crate) use tower::ServiceExt as _;

/// The test router's deployment secret, as `router` gives it (bytes 0 to 31).
pub(crate) const SECRET: [u8; 32] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
    26, 27, 28, 29, 30, 31,
];

/// A column of an outbox row sealed at rest, opened with the test deployment's key.
pub(crate) fn open_sealed_mail(
    id: uuid::Uuid,
    sealed: &str,
    column: db::outbox::SealedColumn,
) -> String {
    let plain = server::scheduler::outbox_key(&SECRET)
        .open(sealed, &db::outbox::sealed_aad(id, column))
        .expect("opens with the deployment's key");
    String::from_utf8(plain.to_vec()).expect("utf-8")
}

pub(crate) fn router(pool: PgPool) -> Router {
    router_with_site(pool, "target/site")
}

/// The router serving its static files from `site_root`.
pub(crate) fn router_with_site(pool: PgPool, site_root: &str) -> Router {
    // One fixed deployment secret, as every server of a real deployment shares one.
    let settings = Settings::from_env(|key| match key {
        "DATABASE_URL" => Some("postgres://unused".to_owned()),
        "DERMA_SERVER_SECRET" => Some("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8".to_owned()),
        _ => None,
    })
    .expect("settings");
    let leptos_options = LeptosOptions::builder()
        .output_name("derma_consent")
        .site_root(site_root)
        .build();
    build_router(AppState::new(leptos_options, pool, settings))
}

pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) headers: http::HeaderMap,
    pub(crate) body: String,
}

/// Sends a request through the router and collects the whole answer.
pub(crate) async fn send(router: Router, request: Request<Body>) -> Answer {
    let response = router.oneshot(request).await.expect("response");
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

fn with_headers(
    mut request: http::request::Builder,
    headers: &[(&str, &str)],
) -> http::request::Builder {
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request
}

pub(crate) async fn get(router: Router, path: &str, headers: &[(&str, &str)]) -> Answer {
    send(
        router,
        with_headers(Request::get(path), headers)
            .body(Body::empty())
            .expect("request"),
    )
    .await
}

pub(crate) fn header<'a>(answer: &'a Answer, name: &str) -> &'a str {
    answer
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("missing header {name}"))
}

pub(crate) fn header_or_none<'a>(answer: &'a Answer, name: &str) -> Option<&'a str> {
    answer.headers.get(name).and_then(|v| v.to_str().ok())
}

pub(crate) const ORIGIN: &str = "http://127.0.0.1:3000";

pub(crate) async fn post(router: Router, path: &str, headers: &[(&str, &str)]) -> Answer {
    let request = Request::post(path).header("content-type", "application/x-www-form-urlencoded");
    send(
        router,
        with_headers(request, headers)
            .body(Body::empty())
            .expect("request"),
    )
    .await
}

/// A staff member of a new practice with a live session; returns the cookie header value.
pub(crate) async fn signed_in(pool: &PgPool, role: &str) -> String {
    let practice_id: uuid::Uuid =
        sqlx::query_scalar("insert into practice (name) values ('Praxis') returning id")
            .fetch_one(pool)
            .await
            .expect("practice");
    // As registration makes it.
    sqlx::query("insert into practice_settings (practice_id) values ($1)")
        .bind(practice_id)
        .execute(pool)
        .await
        .expect("settings");
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

/// A same-origin form post, as the app's server-function calls are.
pub(crate) async fn post_form(
    router: Router,
    path: &str,
    form: &str,
    cookie: Option<&str>,
) -> Answer {
    post_body(
        router,
        path,
        "application/x-www-form-urlencoded",
        form,
        cookie,
    )
    .await
}

/// A same-origin post of `body` as `content_type` (JSON for server functions that take it).
pub(crate) async fn post_body(
    router: Router,
    path: &str,
    content_type: &str,
    body: &str,
    cookie: Option<&str>,
) -> Answer {
    let mut headers = vec![("origin", ORIGIN)];
    headers.extend(cookie.map(|c| ("cookie", c)));
    let request = Request::post(path).header("content-type", content_type);
    send(
        router,
        with_headers(request, &headers)
            .body(Body::from(body.to_owned()))
            .expect("request"),
    )
    .await
}

pub(crate) fn form_value(value: &str) -> String {
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
pub(crate) async fn practice_with_password(pool: &PgPool, email: &str, password: &str) -> String {
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
    // As after the verification mail's link: these accounts can sign in.
    sqlx::query(r#"update "user" set email_verified_at = now() where email = $1"#)
        .bind(email.as_str())
        .execute(&mut *tx)
        .await
        .expect("verified");
    tx.commit().await.expect("commit");
    keys.login_key().to_text().to_string()
}

/// The link token of the newest queued mail to `to` whose link starts with `path`.
pub(crate) async fn mailed_token(pool: &PgPool, to: &str, path: &str) -> String {
    let body: String = sqlx::query_scalar(
        "select body_text from email_outbox where to_address = $1 order by created_at desc limit 1",
    )
    .bind(to)
    .fetch_one(pool)
    .await
    .unwrap_or_else(|e| panic!("no mail to {to}: {e}"));
    let start = body
        .find(&format!("{path}#"))
        .unwrap_or_else(|| panic!("no {path} link in: {body}"));
    body[start + path.len() + 1..]
        .split_whitespace()
        .next()
        .expect("token")
        .to_owned()
}

/// The test mail server (end2end/mail-sink.mjs, a real SMTP server), stopped on drop.
pub(crate) struct MailSink {
    child: std::process::Child,
    pub(crate) port: u16,
    pub(crate) dir: std::path::PathBuf,
}

impl MailSink {
    pub(crate) fn start() -> Self {
        use std::io::BufRead as _;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let dir = std::env::temp_dir().join(format!("derma-mail-{}", uuid::Uuid::new_v4()));
        let mut child = std::process::Command::new("node")
            .arg(root.join("end2end/mail-sink.mjs"))
            .arg(&dir)
            .arg("0")
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("node runs end2end/mail-sink.mjs (scripts/setup installs its packages)");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        std::io::BufReader::new(stdout)
            .read_line(&mut line)
            .expect("mail sink says its port");
        let port = line
            .trim()
            .strip_prefix("mail-sink ready ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("unexpected mail sink output: {line:?}"));
        Self { child, port, dir }
    }

    /// Every message received so far, oldest first.
    pub(crate) fn messages(&self) -> Vec<serde_json::Value> {
        let mut names: Vec<_> = std::fs::read_dir(&self.dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "json"))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
            .iter()
            .map(|p| serde_json::from_slice(&std::fs::read(p).expect("read")).expect("json"))
            .collect()
    }
}

impl Drop for MailSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Signs in a demo member; returns the session cookie and their password keys.
pub(crate) async fn demo_sign_in(pool: &PgPool, email: &str) -> (String, crypto::PasswordKeys) {
    let keys = demo_keys(pool, email).await;
    sign_in_with(pool, email, keys).await
}

/// A demo member's password keys, derived as their browser derives them.
pub(crate) async fn demo_keys(pool: &PgPool, email: &str) -> crypto::PasswordKeys {
    let params = post_form(
        router(pool.clone()),
        "/api/sign_in_parameters",
        &format!("email={}", form_value(email)),
        None,
    )
    .await;
    let params =
        crypto::KdfParams::from_text(&serde_json::from_str::<String>(&params.body).expect("json"))
            .expect("params");
    crypto::PasswordKeys::derive(server::seed::DEMO_PASSWORD, &params).expect("derive")
}

/// The sign-in form the browser posts to `/api/sign_in`.
pub(crate) fn sign_in_form(email: &str, keys: &crypto::PasswordKeys) -> String {
    format!(
        "email={}&login_key={}",
        form_value(email),
        form_value(&keys.login_key().to_text())
    )
}

/// Signs in through the real sign-in; returns the session cookie and the keys.
pub(crate) async fn sign_in_with(
    pool: &PgPool,
    email: &str,
    keys: crypto::PasswordKeys,
) -> (String, crypto::PasswordKeys) {
    let form = sign_in_form(email, &keys);
    let signed_in = post_form(router(pool.clone()), "/api/sign_in", &form, None).await;
    assert_eq!(signed_in.status, StatusCode::OK, "{}", signed_in.body);
    let cookie = header(&signed_in, "set-cookie")
        .split(';')
        .next()
        .expect("cookie")
        .to_owned();
    (cookie, keys)
}

/// The vault material the member's browser would get.
pub(crate) async fn vault_access(pool: &PgPool, cookie: &str) -> app::vault::VaultAccess {
    let answer = post_form(
        router(pool.clone()),
        "/api/vault_material",
        "",
        Some(cookie),
    )
    .await;
    serde_json::from_str(&answer.body).expect("json")
}

/// The practice and user ids a member's vault material is bound to.
pub(crate) fn ids(material: &app::vault::VaultMaterialDto) -> (crypto::PracticeId, crypto::UserId) {
    (
        crypto::PracticeId::from_bytes(app::vault::uuid_bytes(&material.practice_id).expect("id")),
        crypto::UserId::from_bytes(app::vault::uuid_bytes(&material.user_id).expect("id")),
    )
}

/// The id of the member with this email address.
pub(crate) async fn user_id(pool: &PgPool, email: &str) -> uuid::Uuid {
    sqlx::query_scalar(r#"select id from "user" where email = $1"#)
        .bind(email)
        .fetch_one(pool)
        .await
        .expect("user")
}

/// What a member's unlocked browser holds: the master key and the blind-index key.
pub(crate) async fn opened_vault(
    pool: &PgPool,
    cookie: &str,
    keys: &crypto::PasswordKeys,
) -> (crypto::PracticeMasterKey, crypto::BlindIndexKey) {
    let app::vault::VaultAccess::Ready(material) = vault_access(pool, cookie).await else {
        panic!("the member holds the vault")
    };
    let (practice, user) = ids(&material);
    let master = crypto::PracticeMasterKey::unwrap_with_password(
        &crypto::PasswordWrapEnvelope::from_text(&material.master_wrap).expect("envelope"),
        keys.wrap_key(),
        practice,
        user,
    )
    .expect("open");
    let blind_index = master
        .unwrap_blind_index_key(
            &crypto::KeyWrapEnvelope::from_text(&material.wrapped_blind_index_key)
                .expect("envelope"),
        )
        .expect("blind index key");
    (master, blind_index)
}

/// The practice inbox private key, as a member's unlocked browser holds it.
pub(crate) async fn opened_inbox(
    pool: &PgPool,
    cookie: &str,
    keys: &crypto::PasswordKeys,
) -> crypto::InboxKeyPair {
    let app::vault::VaultAccess::Ready(material) = vault_access(pool, cookie).await else {
        panic!("the member holds the vault")
    };
    let (master, _) = opened_vault(pool, cookie, keys).await;
    master
        .unwrap_inbox_key(
            &crypto::KeyWrapEnvelope::from_text(&material.wrapped_inbox_private_key)
                .expect("envelope"),
        )
        .expect("inbox key")
}
