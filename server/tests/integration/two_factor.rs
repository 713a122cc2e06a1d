//! Two-factor sign-in through the real router: enrolment, the code step after the password,
//! replay and guessing refused, recovery codes single use, session ids rotated, and the
//! practice-wide requirement enforced for every other server function.

use crypto::TotpSecret;

use crate::support::*;

const EMAIL: &str = "chefin@praxis.example";

fn now_step() -> u64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs();
    TotpSecret::step_at(now)
}

fn code(secret: &TotpSecret, step: u64) -> String {
    secret.code_at_step(step).to_string()
}

/// The `name=value` pair of the session cookie an answer sets.
fn new_cookie(answer: &Answer) -> String {
    header(answer, "set-cookie")
        .split(';')
        .next()
        .expect("pair")
        .to_owned()
}

async fn call(pool: &PgPool, path: &str, form: &str, cookie: &str) -> Answer {
    post_form(router(pool.clone()), path, form, Some(cookie)).await
}

/// Signs in with the password; returns the answer and the session cookie.
async fn sign_in(pool: &PgPool, login_key: &str) -> (serde_json::Value, String) {
    let form = format!(
        "email=chefin%40praxis.example&login_key={}",
        form_value(login_key)
    );
    let answer = post_form(router(pool.clone()), "/api/sign_in", &form, None).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let cookie = new_cookie(&answer);
    (serde_json::from_str(&answer.body).expect("json"), cookie)
}

/// Sets 2FA up for the session's member; returns the secret, the recovery codes and the new
/// session cookie.
async fn enrol(pool: &PgPool, cookie: &str) -> (TotpSecret, Vec<String>, String) {
    let started = call(pool, "/api/start_two_factor", "", cookie).await;
    assert_eq!(started.status, StatusCode::OK, "{}", started.body);
    let enrolment: serde_json::Value = serde_json::from_str(&started.body).expect("json");
    let key = enrolment["key"].as_str().expect("key");
    assert!(
        enrolment["uri"]
            .as_str()
            .is_some_and(|u| u.starts_with("otpauth://totp/Derma%20Consent:")
                && u.contains(&format!("secret={}", key.replace(' ', "")))),
        "{enrolment}"
    );
    assert!(enrolment["qr"]["path"]
        .as_str()
        .is_some_and(|p| p.starts_with('M')));
    let secret = TotpSecret::from_base32(key).expect("base32 key");
    let form = format!("code={}", code(&secret, now_step()));
    let confirmed = call(pool, "/api/confirm_two_factor", &form, cookie).await;
    assert_eq!(confirmed.status, StatusCode::OK, "{}", confirmed.body);
    let codes: Vec<String> = serde_json::from_str(&confirmed.body).expect("codes");
    (secret, codes, new_cookie(&confirmed))
}

async fn whoami(pool: &PgPool, cookie: &str) -> serde_json::Value {
    serde_json::from_str(&call(pool, "/api/whoami", "", cookie).await.body).expect("json")
}

async fn audit_actions(pool: &PgPool) -> Vec<String> {
    sqlx::query_scalar("select action from audit_log order by seq")
        .fetch_all(pool)
        .await
        .expect("audit")
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn enrolment_then_every_sign_in_needs_a_fresh_code(pool: PgPool) {
    let login_key = practice_with_password(&pool, EMAIL, "ein langes Passwort").await;
    let (_, cookie) = sign_in(&pool, &login_key).await;
    let started = call(&pool, "/api/start_two_factor", "", &cookie).await;
    assert_eq!(started.status, StatusCode::OK);
    let refused = call(&pool, "/api/confirm_two_factor", "code=000000", &cookie).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    let (secret, codes, verified) = enrol(&pool, &cookie).await;
    assert_eq!(codes.len(), 10);
    assert!(codes.iter().all(|c| c.len() == 29), "{codes:?}");
    assert_eq!(
        whoami(&pool, &cookie).await,
        serde_json::Value::Null,
        "rotated"
    );
    let me = whoami(&pool, &verified).await;
    assert_eq!(
        (me["stage"].as_str(), me["two_factor_verified"].as_bool()),
        (Some("Complete"), Some(true))
    );
    let stored: (i64, i32) = sqlx::query_as(
        r#"select (select count(*) from two_factor_recovery_code where used_at is null), failed_login_count
           from "user" where totp_enabled_at is not null"#,
    )
    .fetch_one(&pool)
    .await
    .expect("enabled");
    assert_eq!(
        stored,
        (10, 0),
        "codes stored, the wrong first try forgiven"
    );

    call(&pool, "/api/sign_out", "", &verified).await;
    let (profile, waiting) = sign_in(&pool, &login_key).await;
    assert_eq!(profile["stage"], "NeedsCode");
    for path in [
        "/api/vault_material",
        "/api/own_account",
        "/api/start_two_factor",
    ] {
        let answer = call(&pool, path, "", &waiting).await;
        assert_eq!(
            answer.status,
            StatusCode::UNAUTHORIZED,
            "{path}: {}",
            answer.body
        );
    }
    assert_eq!(whoami(&pool, &waiting).await["stage"], "NeedsCode");
    let page = get(router(pool.clone()), "/app", &[("cookie", &waiting)]).await;
    assert!(
        page.body.contains("Bestätigungscode"),
        "the staff area asks for the code: {}",
        page.body
    );

    // The enrolment's code was used; a code is never accepted twice.
    let enrolled_at = step_of_enrolment(&pool).await;
    let used_code = format!("code={}", code(&secret, enrolled_at));
    let replayed = call(&pool, "/api/verify_two_factor", &used_code, &waiting).await;
    assert_eq!(
        replayed.status,
        StatusCode::BAD_REQUEST,
        "{}",
        replayed.body
    );
    let next = format!("code={}", code(&secret, enrolled_at + 1));
    let passed = call(&pool, "/api/verify_two_factor", &next, &waiting).await;
    assert_eq!(passed.status, StatusCode::OK, "{}", passed.body);
    let signed_in = new_cookie(&passed);
    assert_eq!(
        whoami(&pool, &waiting).await,
        serde_json::Value::Null,
        "new id after 2FA"
    );
    let vault = call(&pool, "/api/vault_material", "", &signed_in).await;
    assert_eq!(vault.status, StatusCode::OK, "{}", vault.body);
    let profile = get(
        router(pool.clone()),
        "/app/profil",
        &[("cookie", &signed_in)],
    )
    .await;
    assert!(
        profile.body.contains("Zwei-Faktor-Anmeldung") && profile.body.contains("Eingeschaltet"),
        "{}",
        profile.body
    );

    let (_, again) = sign_in(&pool, &login_key).await;
    let replayed = call(&pool, "/api/verify_two_factor", &next, &again).await;
    assert_eq!(
        replayed.status,
        StatusCode::BAD_REQUEST,
        "same code, next sign-in"
    );
    let actions = audit_actions(&pool).await;
    for expected in [
        "auth.two_factor_enabled",
        "auth.login_succeeded",
        "auth.login_failed",
    ] {
        assert!(
            actions.iter().any(|a| a == expected),
            "{expected} in {actions:?}"
        );
    }
    let leaked: i64 = sqlx::query_scalar(
        "select count(*) from audit_log where metadata::text ~ '[0-9]{6}' or metadata::text ilike '%@%'",
    )
    .fetch_one(&pool)
    .await
    .expect("metadata");
    assert_eq!(leaked, 0, "no codes or addresses in audit rows");
}

async fn step_of_enrolment(pool: &PgPool) -> u64 {
    let step: i64 = sqlx::query_scalar(r#"select totp_last_step from "user""#)
        .fetch_one(pool)
        .await
        .expect("step");
    u64::try_from(step).expect("positive")
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_recovery_code_signs_in_once(pool: PgPool) {
    let login_key = practice_with_password(&pool, EMAIL, "ein langes Passwort").await;
    let (_, cookie) = sign_in(&pool, &login_key).await;
    let (_, codes, _) = enrol(&pool, &cookie).await;
    let form = format!("code={}", form_value(&codes[3].to_lowercase()));
    let (_, waiting) = sign_in(&pool, &login_key).await;
    let passed = call(&pool, "/api/verify_two_factor", &form, &waiting).await;
    assert_eq!(passed.status, StatusCode::OK, "{}", passed.body);
    let account: serde_json::Value = serde_json::from_str(
        &call(&pool, "/api/own_account", "", &new_cookie(&passed))
            .await
            .body,
    )
    .expect("json");
    assert_eq!(account["recovery_codes_left"], 9);
    let (_, waiting) = sign_in(&pool, &login_key).await;
    let again = call(&pool, "/api/verify_two_factor", &form, &waiting).await;
    assert_eq!(
        again.status,
        StatusCode::BAD_REQUEST,
        "single use: {}",
        again.body
    );
    assert!(audit_actions(&pool)
        .await
        .contains(&"auth.two_factor_recovery_code_used".to_owned()));
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn guessed_codes_run_into_the_account_lock(pool: PgPool) {
    let login_key = practice_with_password(&pool, EMAIL, "ein langes Passwort").await;
    let (_, cookie) = sign_in(&pool, &login_key).await;
    let (secret, _, _) = enrol(&pool, &cookie).await;
    let step = now_step();
    let valid: Vec<String> = (step - 2..=step + 2).map(|s| code(&secret, s)).collect();
    let guess = (0..1_000_000)
        .map(|n| format!("{n:06}"))
        .find(|g| !valid.contains(g))
        .expect("a wrong code");
    let (_, waiting) = sign_in(&pool, &login_key).await;
    let form = format!("code={guess}");
    let mut statuses = Vec::new();
    for _ in 0..5 {
        statuses.push(
            call(&pool, "/api/verify_two_factor", &form, &waiting)
                .await
                .status,
        );
    }
    assert_eq!(statuses[..4], [StatusCode::BAD_REQUEST; 4]);
    assert_eq!(
        statuses[4],
        StatusCode::TOO_MANY_REQUESTS,
        "the fifth failure locks"
    );
    let right = format!("code={}", code(&secret, step + 1));
    let locked = call(&pool, "/api/verify_two_factor", &right, &waiting).await;
    assert_eq!(
        locked.status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right code waits"
    );
    let password = post_form(
        router(pool.clone()),
        "/api/sign_in",
        &format!(
            "email=chefin%40praxis.example&login_key={}",
            form_value(&login_key)
        ),
        None,
    )
    .await;
    assert_eq!(
        password.status,
        StatusCode::TOO_MANY_REQUESTS,
        "and so does the password"
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_practice_requirement_sends_members_to_enrolment_first(pool: PgPool) {
    let login_key = practice_with_password(&pool, EMAIL, "ein langes Passwort").await;
    let (_, admin) = sign_in(&pool, &login_key).await;
    let early = call(
        &pool,
        "/api/set_two_factor_requirement",
        "required=true",
        &admin,
    )
    .await;
    assert_eq!(
        early.status,
        StatusCode::CONFLICT,
        "own 2FA first: {}",
        early.body
    );
    let (_, _, admin) = enrol(&pool, &admin).await;
    let set = call(
        &pool,
        "/api/set_two_factor_requirement",
        "required=true",
        &admin,
    )
    .await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.body);
    assert!(audit_actions(&pool)
        .await
        .contains(&"practice.two_factor_requirement_changed".to_owned()));

    let arzt = member_session(&pool, "ARZT").await;
    assert_eq!(whoami(&pool, &arzt).await["stage"], "NeedsEnrolment");
    for path in [
        "/api/vault_material",
        "/api/disable_two_factor",
        "/api/verify_two_factor",
    ] {
        let answer = call(&pool, path, "code=123456", &arzt).await;
        // `require` answers 403 (signed in, not yet allowed); functions that only ask for a
        // complete session (`auth::current`) see none and answer 401.
        assert!(
            [StatusCode::FORBIDDEN, StatusCode::UNAUTHORIZED].contains(&answer.status),
            "{path}: {} {}",
            answer.status,
            answer.body
        );
    }
    let account: serde_json::Value =
        serde_json::from_str(&call(&pool, "/api/own_account", "", &arzt).await.body).expect("json");
    assert_eq!(account["required_by_practice"], true);
    let (_, _, arzt) = enrol(&pool, &arzt).await;
    let vault = call(&pool, "/api/vault_material", "", &arzt).await;
    assert_eq!(vault.status, StatusCode::OK, "enrolled: {}", vault.body);
}

/// A further member of the (only) practice, signed in with a password alone.
async fn member_session(pool: &PgPool, role: &str) -> String {
    let practice_id: uuid::Uuid = sqlx::query_scalar("select id from practice")
        .fetch_one(pool)
        .await
        .expect("practice");
    let user_id: uuid::Uuid = sqlx::query_scalar(
        r#"insert into "user" (practice_id, email, role) values ($1, 'arzt@praxis.example', $2::user_role) returning id"#,
    )
    .bind(practice_id)
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
    format!("dc_session={}", token.to_text().as_str())
}
