//! Sign-in parameters, sign-in with back-off, and the registration limit.

use crate::support::*;

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
