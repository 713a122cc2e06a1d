//! Registration with email verification, and password reset by mail, through the real router.

use crate::support::*;

const PASSWORD: &str = "ein langes Passwort";

fn test_params() -> crypto::KdfParams {
    // The floor parameters keep the test fast; the browser uses the 64 MiB defaults.
    crypto::KdfParams::new(19 * 1024, 2, 1, [7; 16]).expect("params")
}

fn register_form(email: &str, params: &crypto::KdfParams, password: &str) -> String {
    let keys = crypto::PasswordKeys::derive(password, params).expect("derive");
    format!(
        "practice_name=Hautarztpraxis+am+Markt&email={}&kdf_params={}&login_key={}",
        form_value(email),
        form_value(&params.to_text()),
        form_value(&keys.login_key().to_text())
    )
}

fn sign_in_form(email: &str, params: &crypto::KdfParams, password: &str) -> String {
    let keys = crypto::PasswordKeys::derive(password, params).expect("derive");
    format!(
        "email={}&login_key={}",
        form_value(email),
        form_value(&keys.login_key().to_text())
    )
}

async fn mails_to(pool: &PgPool, to: &str) -> Vec<(String, String)> {
    sqlx::query_as(
        "select subject, body_text from email_outbox where to_address = $1 order by created_at",
    )
    .bind(to)
    .fetch_all(pool)
    .await
    .expect("outbox")
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn registration_mails_a_link_that_confirms_the_address_once(pool: PgPool) {
    let email = "inhaberin@praxis.example";
    let params = test_params();
    let answer = post_form(
        router(pool.clone()),
        "/api/register_practice",
        &register_form(email, &params, PASSWORD),
        None,
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert!(
        header_or_none(&answer, "set-cookie").is_none(),
        "no session before the address is confirmed"
    );
    let mails = mails_to(&pool, email).await;
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0].1.contains("http://127.0.0.1:3000/verify-email#"),
        "{}",
        mails[0].1
    );

    // The right password before confirming: no session, the link is not sent again at once.
    let early = post_form(
        router(pool.clone()),
        "/api/sign_in",
        &sign_in_form(email, &params, PASSWORD),
        None,
    )
    .await;
    assert_eq!(early.status, StatusCode::CONFLICT, "{}", early.body);
    assert!(header_or_none(&early, "set-cookie").is_none());
    assert_eq!(
        mails_to(&pool, email).await.len(),
        1,
        "at most one link a minute"
    );

    let token = mailed_token(&pool, email, "/verify-email").await;
    let form = format!("token={}", form_value(&token));
    let verified = post_form(router(pool.clone()), "/api/verify_email", &form, None).await;
    assert_eq!(verified.status, StatusCode::OK, "{}", verified.body);
    let again = post_form(router(pool.clone()), "/api/verify_email", &form, None).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST, "single use");
    let forged = post_form(
        router(pool.clone()),
        "/api/verify_email",
        "token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        None,
    )
    .await;
    assert_eq!(forged.status, StatusCode::BAD_REQUEST);

    let signed_in = post_form(
        router(pool.clone()),
        "/api/sign_in",
        &sign_in_form(email, &params, PASSWORD),
        None,
    )
    .await;
    assert_eq!(signed_in.status, StatusCode::OK, "{}", signed_in.body);
    let actions: Vec<String> = sqlx::query_scalar("select action from audit_log order by seq")
        .fetch_all(&pool)
        .await
        .expect("audit");
    assert_eq!(
        actions,
        [
            "practice.registered",
            "auth.email_verified",
            "auth.login_succeeded"
        ]
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn registering_a_taken_address_answers_the_same_and_tells_the_owner(pool: PgPool) {
    let email = "inhaberin@praxis.example";
    let params = test_params();
    let first = post_form(
        router(pool.clone()),
        "/api/register_practice",
        &register_form(email, &params, PASSWORD),
        None,
    )
    .await;
    let second = post_form(
        router(pool.clone()),
        "/api/register_practice",
        &register_form(email, &params, "ein anderes langes Passwort"),
        None,
    )
    .await;
    assert_eq!((first.status, &first.body), (second.status, &second.body));
    let practices: i64 = sqlx::query_scalar("select count(*) from practice")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(practices, 1);
    let mails = mails_to(&pool, email).await;
    assert_eq!(mails.len(), 2);
    assert!(
        mails[1].1.contains("/login") && mails[1].1.contains("/forgot-password"),
        "{}",
        mails[1].1
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_reset_link_sets_a_new_password_ends_sessions_and_removes_vault_access(pool: PgPool) {
    let email = "arzt@praxis.example";
    let old_login_key = practice_with_password(&pool, email, PASSWORD).await;
    let user: (uuid::Uuid, uuid::Uuid) =
        sqlx::query_as(r#"select practice_id, id from "user" where email = $1"#)
            .bind(email)
            .fetch_one(&pool)
            .await
            .expect("user");
    // A vault copy and a live session, both of which the reset must end.
    sqlx::query("insert into key_wrap (practice_id, user_id, kind, pmk_version, envelope) values ($1, $2, 'PASSWORD', 1, 'x')")
        .bind(user.0)
        .bind(user.1)
        .execute(&pool)
        .await
        .expect("wrap");
    let old_form = format!(
        "email={}&login_key={}",
        form_value(email),
        form_value(&old_login_key)
    );
    let session = post_form(router(pool.clone()), "/api/sign_in", &old_form, None).await;
    assert_eq!(session.status, StatusCode::OK, "{}", session.body);
    let cookie = header(&session, "set-cookie")
        .split(';')
        .next()
        .expect("cookie")
        .to_owned();

    for address in [email, "niemand@praxis.example"] {
        let asked = post_form(
            router(pool.clone()),
            "/api/request_password_reset",
            &format!("email={}", form_value(address)),
            None,
        )
        .await;
        assert_eq!(
            (asked.status, asked.body.as_str()),
            (StatusCode::OK, "null")
        );
    }
    assert!(mails_to(&pool, "niemand@praxis.example").await.is_empty());
    let token = mailed_token(&pool, email, "/reset-password").await;

    let target = post_form(
        router(pool.clone()),
        "/api/reset_target",
        &format!("token={}", form_value(&token)),
        None,
    )
    .await;
    assert_eq!(target.status, StatusCode::OK, "{}", target.body);
    let target: serde_json::Value = serde_json::from_str(&target.body).expect("json");
    assert_eq!(target["user_id"], user.1.to_string());

    let params = crypto::KdfParams::new(19 * 1024, 2, 1, [9; 16]).expect("params");
    let keys = crypto::PasswordKeys::derive("ein ganz neues Passwort", &params).expect("derive");
    let member = crypto::MemberKeyPair::generate(1);
    let wrapped = member.wrap_with_password(
        keys.wrap_key(),
        crypto::PracticeId::from_bytes(*user.0.as_bytes()),
        crypto::UserId::from_bytes(*user.1.as_bytes()),
    );
    let reset_form = format!(
        "token={}&kdf_params={}&login_key={}&member_public_key={}&member_wrapped_private_key={}",
        form_value(&token),
        form_value(&params.to_text()),
        form_value(&keys.login_key().to_text()),
        form_value(&member.public_key().to_text()),
        form_value(&wrapped.to_text()),
    );
    let reset = post_form(
        router(pool.clone()),
        "/api/reset_password",
        &reset_form,
        None,
    )
    .await;
    assert_eq!(reset.status, StatusCode::OK, "{}", reset.body);
    let reused = post_form(
        router(pool.clone()),
        "/api/reset_password",
        &reset_form,
        None,
    )
    .await;
    assert_eq!(reused.status, StatusCode::BAD_REQUEST, "single use");

    let me = post_form(router(pool.clone()), "/api/whoami", "", Some(&cookie)).await;
    assert!(
        !me.body.contains("ADMIN"),
        "the old session ended: {}",
        me.body
    );
    let old = post_form(router(pool.clone()), "/api/sign_in", &old_form, None).await;
    assert_eq!(old.status, StatusCode::BAD_REQUEST, "old password refused");
    let new = post_form(
        router(pool.clone()),
        "/api/sign_in",
        &sign_in_form(email, &params, "ein ganz neues Passwort"),
        None,
    )
    .await;
    assert_eq!(new.status, StatusCode::OK, "{}", new.body);
    let wraps: i64 = sqlx::query_scalar("select count(*) from key_wrap where user_id = $1")
        .bind(user.1)
        .fetch_one(&pool)
        .await
        .expect("wraps");
    assert_eq!(wraps, 0, "the vault has to be shared again");
    let subjects: Vec<String> = mails_to(&pool, email)
        .await
        .into_iter()
        .map(|m| m.0)
        .collect();
    assert_eq!(
        subjects,
        [
            "Neues Passwort für Derma Consent",
            "Ihr Passwort wurde geändert"
        ]
    );
}
