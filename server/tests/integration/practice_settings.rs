//! Practice details and consent settings: saved by an ADMIN, checked, audited by field name.

use crate::support::*;

fn body(name: &str, types: &str, validity: i32) -> String {
    format!(
        r#"{{"settings":{{"name":"{name}","street":"Marktplatz 1","postal_code":"04109","city":"Leipzig","dpo_name":"Datenschutz GmbH","dpo_email":"DSB@Praxis.example","enabled_consent_types":[{types}],"default_validity_days":{validity},"reminder_enabled":false,"reminder_delay_hours":24}}}}"#
    )
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn an_admin_saves_the_practice_details_and_the_audit_names_the_fields(pool: PgPool) {
    let login_key =
        practice_with_password(&pool, "chefin@praxis.example", "ein langes Passwort").await;
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

    let saved = post_body(
        router(pool.clone()),
        "/api/save_practice_settings",
        "application/json",
        &body("Hautarztpraxis am Markt", r#""PRP","BOTOX","PRP""#, 14),
        Some(&cookie),
    )
    .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let loaded = post_form(
        router(pool.clone()),
        "/api/practice_settings",
        "",
        Some(&cookie),
    )
    .await;
    let loaded: app::practice_settings::PracticeSettingsForm =
        serde_json::from_str(&loaded.body).expect("json");
    assert_eq!(loaded.city, "Leipzig");
    assert_eq!(loaded.dpo_email, "dsb@praxis.example");
    assert_eq!(
        loaded.enabled_consent_types,
        [domain::ConsentType::Botox, domain::ConsentType::Prp],
        "each type once, in the product's order"
    );
    assert_eq!(
        (loaded.default_validity_days, loaded.reminder_enabled),
        (14, false)
    );
    let metadata: serde_json::Value = sqlx::query_scalar(
        "select metadata from audit_log where action = 'practice.settings_changed'",
    )
    .fetch_one(&pool)
    .await
    .expect("audited");
    let fields = metadata["fields"].as_array().expect("fields");
    assert!(
        fields.contains(&serde_json::json!("city")) && !metadata.to_string().contains("Leipzig")
    );

    for bad in [
        body(" ", r#""BOTOX""#, 7),
        body("Praxis", "", 7),
        body("Praxis", r#""BOTOX""#, 91),
    ] {
        let refused = post_body(
            router(pool.clone()),
            "/api/save_practice_settings",
            "application/json",
            &bad,
            Some(&cookie),
        )
        .await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{bad}");
    }
}
