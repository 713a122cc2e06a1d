//! Team invitations and the vault share: invite by mail, accept once, compare keys, share,
//! and the new member's first unlock keeps the key under their own password.

use crate::support::*;

/// Signs in a demo member; returns the session cookie and their password keys.
async fn demo_sign_in(pool: &PgPool, email: &str) -> (String, crypto::PasswordKeys) {
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
    let keys = crypto::PasswordKeys::derive(server::seed::DEMO_PASSWORD, &params).expect("derive");
    sign_in_with(pool, email, keys).await
}

async fn sign_in_with(
    pool: &PgPool,
    email: &str,
    keys: crypto::PasswordKeys,
) -> (String, crypto::PasswordKeys) {
    let form = format!(
        "email={}&login_key={}",
        form_value(email),
        form_value(&keys.login_key().to_text())
    );
    let signed_in = post_form(router(pool.clone()), "/api/sign_in", &form, None).await;
    assert_eq!(signed_in.status, StatusCode::OK, "{}", signed_in.body);
    let cookie = header(&signed_in, "set-cookie")
        .split(';')
        .next()
        .expect("cookie")
        .to_owned();
    (cookie, keys)
}

async fn access(pool: &PgPool, cookie: &str) -> app::vault::VaultAccess {
    let answer = post_form(
        router(pool.clone()),
        "/api/vault_material",
        "",
        Some(cookie),
    )
    .await;
    serde_json::from_str(&answer.body).expect("json")
}

fn ids(material: &app::vault::VaultMaterialDto) -> (crypto::PracticeId, crypto::UserId) {
    (
        crypto::PracticeId::from_bytes(app::vault::uuid_bytes(&material.practice_id).expect("id")),
        crypto::UserId::from_bytes(app::vault::uuid_bytes(&material.user_id).expect("id")),
    )
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn an_invited_member_gets_the_vault_only_through_a_compared_share(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (admin, admin_keys) = demo_sign_in(&pool, "admin@demo.derma-consent.test").await;
    let invitee = "neu@praxis.example";

    let invited = post_form(
        router(pool.clone()),
        "/api/invite_member",
        &format!("email={}&role=ARZT", form_value(invitee)),
        Some(&admin),
    )
    .await;
    assert_eq!(invited.status, StatusCode::OK, "{}", invited.body);
    let token = mailed_token(&pool, invitee, "/invite").await;
    let details = post_form(
        router(pool.clone()),
        "/api/invite_details",
        &format!("token={}", form_value(&token)),
        None,
    )
    .await;
    assert_eq!(details.status, StatusCode::OK, "{}", details.body);
    let details: app::team::InvitationView = serde_json::from_str(&details.body).expect("json");
    assert_eq!(
        (details.email.as_str(), details.role),
        (invitee, domain::UserRole::Arzt)
    );

    // The invitee's browser: password keys and an own key pair bound to the future account.
    let params = crypto::KdfParams::new(19 * 1024, 2, 1, [3; 16]).expect("params");
    let keys = crypto::PasswordKeys::derive("das Passwort der Neuen", &params).expect("derive");
    let member = crypto::MemberKeyPair::generate(1);
    let practice =
        crypto::PracticeId::from_bytes(app::vault::uuid_bytes(&details.practice_id).expect("id"));
    let user = crypto::UserId::from_bytes(app::vault::uuid_bytes(&details.user_id).expect("id"));
    let accept_form =
        format!(
        "token={}&kdf_params={}&login_key={}&member_public_key={}&member_wrapped_private_key={}",
        form_value(&token),
        form_value(&params.to_text()),
        form_value(&keys.login_key().to_text()),
        form_value(&member.public_key().to_text()),
        form_value(&member.wrap_with_password(keys.wrap_key(), practice, user).to_text()),
    );
    let accepted = post_form(
        router(pool.clone()),
        "/api/accept_invite",
        &accept_form,
        None,
    )
    .await;
    assert_eq!(accepted.status, StatusCode::OK, "{}", accepted.body);
    let again = post_form(
        router(pool.clone()),
        "/api/accept_invite",
        &accept_form,
        None,
    )
    .await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST, "single use");

    let (newcomer, keys) = sign_in_with(&pool, invitee, keys).await;
    assert_eq!(
        access(&pool, &newcomer).await,
        app::vault::VaultAccess::NotShared
    );

    // The ADMIN sees the newcomer's key; the fingerprint is what both screens compare.
    let team = post_form(router(pool.clone()), "/api/team_overview", "", Some(&admin)).await;
    let team: app::team::TeamView = serde_json::from_str(&team.body).expect("json");
    let listed = team
        .members
        .iter()
        .find(|m| m.email == invitee)
        .expect("listed");
    let listed_key = crypto::MemberPublicKey::from_text(listed.public_key.as_deref().expect("key"))
        .expect("key");
    assert_eq!(listed_key.fingerprint(), member.public_key().fingerprint());
    assert!(!listed.has_vault && !listed.share_pending);

    // The unlocked ADMIN seals the master key to that key.
    let app::vault::VaultAccess::Ready(material) = access(&pool, &admin).await else {
        panic!("the ADMIN holds the vault")
    };
    let (admin_practice, admin_user) = ids(&material);
    let master = crypto::PracticeMasterKey::unwrap_with_password(
        &crypto::PasswordWrapEnvelope::from_text(&material.master_wrap).expect("envelope"),
        admin_keys.wrap_key(),
        admin_practice,
        admin_user,
    )
    .expect("open");
    let share = master
        .share_with(&listed_key, user)
        .expect("share")
        .to_text();
    let form = format!("user_id={}&share={}", listed.user_id, form_value(&share));
    let refused = post_form(
        router(pool.clone()),
        "/api/share_vault",
        &form,
        Some(&newcomer),
    )
    .await;
    assert_eq!(
        refused.status,
        StatusCode::FORBIDDEN,
        "only an ADMIN shares"
    );
    let shared = post_form(
        router(pool.clone()),
        "/api/share_vault",
        &form,
        Some(&admin),
    )
    .await;
    assert_eq!(shared.status, StatusCode::OK, "{}", shared.body);

    // The newcomer opens the share with their own key and keeps a copy under their password.
    let app::vault::VaultAccess::Shared(material) = access(&pool, &newcomer).await else {
        panic!("a share waits")
    };
    let own = crypto::MemberKeyPair::unwrap_with_password(
        &crypto::PasswordWrapEnvelope::from_text(
            material
                .member_wrapped_private_key
                .as_deref()
                .expect("own key"),
        )
        .expect("envelope"),
        keys.wrap_key(),
        practice,
        user,
    )
    .expect("own key");
    let opened = own
        .open_share(
            &crypto::KeyShareEnvelope::from_text(&material.master_wrap).expect("share"),
            practice,
            user,
        )
        .expect("open share");
    let copy = opened.wrap_with_password(keys.wrap_key(), user).to_text();
    let adopted = post_form(
        router(pool.clone()),
        "/api/adopt_vault_share",
        &format!(
            "password_wrap={}&login_key={}",
            form_value(&copy),
            form_value(&keys.login_key().to_text())
        ),
        Some(&newcomer),
    )
    .await;
    assert_eq!(adopted.status, StatusCode::OK, "{}", adopted.body);
    assert!(matches!(
        access(&pool, &newcomer).await,
        app::vault::VaultAccess::Ready(_)
    ));
    let actions: Vec<String> = sqlx::query_scalar(
        "select action from audit_log where action in ('team.invite_sent', 'team.invite_accepted', 'vault.key_shared') order by seq",
    )
    .fetch_all(&pool)
    .await
    .expect("audit");
    assert_eq!(actions.len(), 4, "{actions:?}");
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn an_expired_invitation_cannot_be_used(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (admin, _) = demo_sign_in(&pool, "admin@demo.derma-consent.test").await;
    let invitee = "spaet@praxis.example";
    post_form(
        router(pool.clone()),
        "/api/invite_member",
        &format!("email={}&role=EMPFANG", form_value(invitee)),
        Some(&admin),
    )
    .await;
    let token = mailed_token(&pool, invitee, "/invite").await;
    sqlx::query("update invite set expires_at = now() - interval '1 second'")
        .execute(&pool)
        .await
        .expect("expire");
    let details = post_form(
        router(pool.clone()),
        "/api/invite_details",
        &format!("token={}", form_value(&token)),
        None,
    )
    .await;
    assert_eq!(details.status, StatusCode::BAD_REQUEST);
}
