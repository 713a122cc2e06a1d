//! Team invitations and the vault share: invite by mail, accept once, compare keys, share,
//! and the new member's first unlock keeps the key under their own password.

use crate::support::*;

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
        vault_access(&pool, &newcomer).await,
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
    let app::vault::VaultAccess::Ready(material) = vault_access(&pool, &admin).await else {
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
    let app::vault::VaultAccess::Shared(material) = vault_access(&pool, &newcomer).await else {
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
        vault_access(&pool, &newcomer).await,
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

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn roles_change_but_the_last_admin_stays(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (admin, _) = demo_sign_in(&pool, "admin@demo.derma-consent.test").await;
    let arzt = user_id(&pool, "arzt@demo.derma-consent.test").await;
    let me = user_id(&pool, "admin@demo.derma-consent.test").await;

    let changed = post_form(
        router(pool.clone()),
        "/api/change_role",
        &format!("user_id={arzt}&role=EMPFANG"),
        Some(&admin),
    )
    .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.body);
    let role: String = sqlx::query_scalar(r#"select role::text from "user" where id = $1"#)
        .bind(arzt)
        .fetch_one(&pool)
        .await
        .expect("role");
    assert_eq!(role, "EMPFANG");

    for (path, form) in [
        ("/api/change_role", format!("user_id={me}&role=ARZT")),
        ("/api/remove_member", format!("user_id={me}")),
    ] {
        let refused = post_form(router(pool.clone()), path, &form, Some(&admin)).await;
        assert_eq!(
            refused.status,
            StatusCode::CONFLICT,
            "{path}: {}",
            refused.body
        );
    }
    let metadata: serde_json::Value =
        sqlx::query_scalar("select metadata from audit_log where action = 'team.role_changed'")
            .fetch_one(&pool)
            .await
            .expect("audited");
    assert_eq!(
        metadata,
        serde_json::json!({ "from": "ARZT", "to": "EMPFANG" })
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_removed_member_is_locked_out_and_the_rotation_renews_every_key(pool: PgPool) {
    server::seed::seed(&pool).await.expect("seed");
    let (admin, admin_keys) = demo_sign_in(&pool, "admin@demo.derma-consent.test").await;
    let (arzt_session, _) = demo_sign_in(&pool, "arzt@demo.derma-consent.test").await;
    let arzt = user_id(&pool, "arzt@demo.derma-consent.test").await;

    let removed = post_form(
        router(pool.clone()),
        "/api/remove_member",
        &format!("user_id={arzt}"),
        Some(&admin),
    )
    .await;
    assert_eq!(removed.status, StatusCode::OK, "{}", removed.body);
    let me = post_form(router(pool.clone()), "/api/whoami", "", Some(&arzt_session)).await;
    assert_eq!(me.body, "null", "the session ended at once");
    let wraps: i64 = sqlx::query_scalar("select count(*) from key_wrap where user_id = $1")
        .bind(arzt)
        .fetch_one(&pool)
        .await
        .expect("wraps");
    assert_eq!(wraps, 0);
    let params = crypto::KdfParams::from_text(
        &serde_json::from_str::<String>(
            &post_form(
                router(pool.clone()),
                "/api/sign_in_parameters",
                "email=arzt%40demo.derma-consent.test",
                None,
            )
            .await
            .body,
        )
        .expect("json"),
    )
    .expect("params");
    let keys = crypto::PasswordKeys::derive(server::seed::DEMO_PASSWORD, &params).expect("derive");
    let again = post_form(
        router(pool.clone()),
        "/api/sign_in",
        &format!(
            "email=arzt%40demo.derma-consent.test&login_key={}",
            form_value(&keys.login_key().to_text())
        ),
        None,
    )
    .await;
    assert_eq!(
        again.status,
        StatusCode::BAD_REQUEST,
        "cannot sign in any more"
    );

    let team = post_form(router(pool.clone()), "/api/team_overview", "", Some(&admin)).await;
    let team: app::team::TeamView = serde_json::from_str(&team.body).expect("json");
    assert!(team.rotation_due);
    assert!(team.members.iter().all(|m| m.user_id != arzt.to_string()));

    // The ADMIN's browser (here: the same crypto, natively) makes the new key set.
    let plan = post_form(router(pool.clone()), "/api/rotation_plan", "", Some(&admin)).await;
    let plan: app::vault::RotationTargets = serde_json::from_str(&plan.body).expect("json");
    assert_eq!((plan.pmk_version, plan.key_version), (2, 2));
    assert_eq!(
        plan.members.len(),
        1,
        "only reception is left besides the ADMIN"
    );
    let app::vault::VaultAccess::Ready(material) = vault_access(&pool, &admin).await else {
        panic!("ADMIN vault")
    };
    let (practice, admin_user) = ids(&material);
    let old = crypto::PracticeMasterKey::unwrap_with_password(
        &crypto::PasswordWrapEnvelope::from_text(&material.master_wrap).expect("envelope"),
        admin_keys.wrap_key(),
        practice,
        admin_user,
    )
    .expect("open");
    let bidx = old
        .unwrap_blind_index_key(
            &crypto::KeyWrapEnvelope::from_text(&material.wrapped_blind_index_key).expect("env"),
        )
        .expect("bidx");
    let master = crypto::PracticeMasterKey::generate(practice, 2);
    let inbox = crypto::InboxKeyPair::generate(2);
    let member = &plan.members[0];
    let share = master
        .share_with(
            &crypto::MemberPublicKey::from_text(&member.public_key).expect("key"),
            crypto::UserId::from_bytes(app::vault::uuid_bytes(&member.user_id).expect("id")),
        )
        .expect("share");
    let set = app::vault::NewKeySet {
        pmk_version: 2,
        key_version: 2,
        inbox_public_key: inbox.public_key().to_text(),
        wrapped_inbox_private_key: master.wrap_inbox_key(&inbox).to_text(),
        wrapped_blind_index_key: master.wrap_blind_index_key(&bidx).to_text(),
        wrapped_previous_master_key: master
            .wrap_previous_master_key(&old)
            .expect("chain")
            .to_text(),
        admin_password_wrap: master
            .wrap_with_password(admin_keys.wrap_key(), admin_user)
            .to_text(),
        recovery_wrap: master
            .wrap_with_recovery_code(&crypto::RecoveryCode::generate())
            .to_text(),
        shares: vec![(member.user_id.clone(), share.to_text())],
    };
    let body =
        serde_json::json!({ "keys": set, "login_key": admin_keys.login_key().to_text().as_str() });
    let rotated = post_body(
        router(pool.clone()),
        "/api/rotate_keys",
        "application/json",
        &body.to_string(),
        Some(&admin),
    )
    .await;
    assert_eq!(rotated.status, StatusCode::OK, "{}", rotated.body);
    let twice = post_body(
        router(pool.clone()),
        "/api/rotate_keys",
        "application/json",
        &body.to_string(),
        Some(&admin),
    )
    .await;
    assert_eq!(
        twice.status,
        StatusCode::CONFLICT,
        "a second upload of the same versions is refused"
    );

    // The ADMIN opens v2 with their password; the old patient data opens through the chain.
    let app::vault::VaultAccess::Ready(material) = vault_access(&pool, &admin).await else {
        panic!("ADMIN vault v2")
    };
    assert_eq!(material.inbox_key_version, 2);
    let new = crypto::PracticeMasterKey::unwrap_with_password(
        &crypto::PasswordWrapEnvelope::from_text(&material.master_wrap).expect("envelope"),
        admin_keys.wrap_key(),
        practice,
        admin_user,
    )
    .expect("v2 opens");
    let chain: String = sqlx::query_scalar(
        "select wrapped_previous_master_key from practice_key where retired_at is null",
    )
    .fetch_one(&pool)
    .await
    .expect("chain");
    let previous = new
        .unwrap_previous_master_key(&crypto::KeyWrapEnvelope::from_text(&chain).expect("env"))
        .expect("v1 through the chain");
    let (patient_id, wrapped): (uuid::Uuid, String) =
        sqlx::query_as("select id, wrapped_content_key from patient limit 1")
            .fetch_one(&pool)
            .await
            .expect("patient");
    previous
        .unwrap_content_key(
            &crypto::KeyWrapEnvelope::from_text(&wrapped).expect("env"),
            crypto::ObjectId::from_bytes(*patient_id.as_bytes()),
        )
        .expect("old data stays readable");
    let team = post_form(router(pool.clone()), "/api/team_overview", "", Some(&admin)).await;
    let team: app::team::TeamView = serde_json::from_str(&team.body).expect("json");
    assert!(!team.rotation_due);
    let (reception, _) = demo_sign_in(&pool, "empfang@demo.derma-consent.test").await;
    assert!(matches!(
        vault_access(&pool, &reception).await,
        app::vault::VaultAccess::Shared(_)
    ));
}
