//! The data model as PostgreSQL sees it after all migrations.

use std::collections::{BTreeMap, BTreeSet};

use sqlx::{PgPool, Row};

/// The twelve models of DESIGN §3, as tables.
const MODELS: [&str; 12] = [
    "practice",
    "user",
    "patient",
    "consent_form",
    "subscription",
    "audit_log",
    "practice_settings",
    "treatment_plan",
    "treatment_photo",
    "treatment_template",
    "account",
    "invite",
];

/// Tables that belong to the platform, not to one practice.
const PLATFORM_TABLES: [&str; 3] = ["practice", "rate_limit_bucket", "webhook_event"];
/// Tenant tables whose practice_id may be null (platform mail has no practice; a provider
/// sign-in has none until it is finished).
const NULLABLE_PRACTICE: [&str; 2] = ["email_outbox", "oidc_login"];
/// Append-only tables: rows are never updated, so there is no updated_at.
const APPEND_ONLY: [&str; 1] = ["audit_log"];

async fn tables(pool: &PgPool) -> BTreeSet<String> {
    sqlx::query_scalar::<_, String>(
        "select table_name::text from information_schema.tables
         where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> '_sqlx_migrations'",
    )
    .fetch_all(pool)
    .await
    .expect("list tables")
    .into_iter()
    .collect()
}

async fn columns(pool: &PgPool) -> BTreeMap<(String, String), (String, bool)> {
    sqlx::query(
        "select table_name::text, column_name::text, udt_name::text, is_nullable = 'YES'
         from information_schema.columns where table_schema = 'public'",
    )
    .fetch_all(pool)
    .await
    .expect("list columns")
    .into_iter()
    .map(|r| ((r.get(0), r.get(1)), (r.get(2), r.get(3))))
    .collect()
}

async fn enum_labels(pool: &PgPool, type_name: &str) -> Vec<String> {
    sqlx::query_scalar(
        "select e.enumlabel::text from pg_enum e join pg_type t on t.oid = e.enumtypid
         where t.typname = $1 order by e.enumsortorder",
    )
    .bind(type_name)
    .fetch_all(pool)
    .await
    .expect("enum labels")
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn every_model_has_its_table(pool: PgPool) {
    let tables = tables(&pool).await;
    for model in MODELS {
        assert!(
            tables.contains(model),
            "missing table {model}; have {tables:?}"
        );
    }
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn postgres_enums_match_the_domain_exactly(pool: PgPool) {
    fn names<T: std::fmt::Display>(all: &[T]) -> Vec<String> {
        all.iter().map(ToString::to_string).collect()
    }
    assert_eq!(
        enum_labels(&pool, "user_role").await,
        names(domain::UserRole::ALL)
    );
    assert_eq!(
        enum_labels(&pool, "consent_type").await,
        names(domain::ConsentType::ALL)
    );
    assert_eq!(
        enum_labels(&pool, "consent_status").await,
        names(domain::ConsentStatus::ALL)
    );
    assert_eq!(
        enum_labels(&pool, "subscription_plan").await,
        names(domain::SubscriptionPlan::ALL)
    );
    assert_eq!(
        enum_labels(&pool, "subscription_status").await,
        names(domain::SubscriptionStatus::ALL)
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn patients_hold_only_envelopes_and_a_lookup_hash(pool: PgPool) {
    let columns = columns(&pool).await;
    let patient: BTreeSet<&str> = columns
        .keys()
        .filter(|(t, _)| t == "patient")
        .map(|(_, c)| c.as_str())
        .collect();
    for wanted in [
        "encrypted_first_name",
        "encrypted_last_name",
        "encrypted_date_of_birth",
        "encrypted_email",
        "lookup_hash",
    ] {
        assert!(patient.contains(wanted), "patient.{wanted} missing");
    }
    // Nothing that looks like a plaintext identity column.
    for forbidden in [
        "first_name",
        "last_name",
        "name",
        "email",
        "date_of_birth",
        "birth_date",
        "phone",
    ] {
        assert!(
            !patient.contains(forbidden),
            "patient.{forbidden} would hold plaintext"
        );
    }
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn every_tenant_table_is_keyed_by_practice(pool: PgPool) {
    let columns = columns(&pool).await;
    for table in tables(&pool).await {
        if PLATFORM_TABLES.contains(&table.as_str()) {
            continue;
        }
        let practice_id = columns.get(&(table.clone(), "practice_id".to_owned()));
        let Some((udt, nullable)) = practice_id else {
            panic!("{table} has no practice_id")
        };
        assert_eq!(udt, "uuid", "{table}.practice_id");
        assert!(
            !nullable || NULLABLE_PRACTICE.contains(&table.as_str()),
            "{table}.practice_id is nullable"
        );
    }
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn every_table_has_timestamps_kept_by_a_trigger(pool: PgPool) {
    let columns = columns(&pool).await;
    let triggers: BTreeSet<String> = sqlx::query_scalar(
        "select event_object_table::text from information_schema.triggers
         where trigger_schema = 'public' and action_statement like '%set_updated_at%'",
    )
    .fetch_all(&pool)
    .await
    .expect("triggers")
    .into_iter()
    .collect();
    for table in tables(&pool).await {
        assert!(
            columns.contains_key(&(table.clone(), "created_at".to_owned())),
            "{table}.created_at missing"
        );
        if APPEND_ONLY.contains(&table.as_str()) {
            continue;
        }
        assert!(
            columns.contains_key(&(table.clone(), "updated_at".to_owned())),
            "{table}.updated_at missing"
        );
        assert!(
            triggers.contains(&table),
            "{table} has no updated_at trigger"
        );
    }
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn every_foreign_key_is_backed_by_an_index(pool: PgPool) {
    // Foreign-key columns whose leading index columns do not cover them: deletes and joins on
    // them would scan whole tables.
    let unindexed: Vec<String> = sqlx::query_scalar(
        "select c.conrelid::regclass::text || ' (' || array_to_string(array(
                    select a.attname from unnest(c.conkey) k join pg_attribute a
                    on a.attrelid = c.conrelid and a.attnum = k), ', ') || ')'
         from pg_constraint c
         where c.contype = 'f' and c.connamespace = 'public'::regnamespace
           and not exists (
             select 1 from pg_index i
             where i.indrelid = c.conrelid
               and (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] @> c.conkey
               and (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] <@ c.conkey)",
    )
    .fetch_all(&pool)
    .await
    .expect("foreign keys");
    assert!(
        unindexed.is_empty(),
        "foreign keys without an index: {unindexed:?}"
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_row_cannot_point_at_another_practice(pool: PgPool) {
    let practice = |name: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, uuid::Uuid>(
                "insert into practice (name) values ($1) returning id",
            )
            .bind(name)
            .fetch_one(&pool)
            .await
            .expect("practice")
        }
    };
    let (a, b) = (practice("Praxis A").await, practice("Praxis B").await);
    let user_a: uuid::Uuid = sqlx::query_scalar(
        "insert into \"user\" (practice_id, email, role) values ($1, 'arzt@a.example', 'ARZT') returning id",
    )
    .bind(a)
    .fetch_one(&pool)
    .await
    .expect("user");
    let foreign = sqlx::query(
        "insert into patient (practice_id, encrypted_first_name, encrypted_last_name, encrypted_date_of_birth, wrapped_content_key, lookup_hash, created_by)
         values ($1, 'e1', 'e2', 'e3', 'k', '\\x00', $2)",
    )
    .bind(b)
    .bind(user_a)
    .execute(&pool)
    .await;
    let error = foreign.expect_err("a patient of B created by a user of A must be refused");
    assert_eq!(
        error
            .as_database_error()
            .and_then(sqlx::error::DatabaseError::code)
            .as_deref(),
        Some("23503"),
        "{error}"
    );
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn the_audit_log_is_append_only(pool: PgPool) {
    let practice: uuid::Uuid =
        sqlx::query_scalar("insert into practice (name) values ('P') returning id")
            .fetch_one(&pool)
            .await
            .expect("practice");
    sqlx::query("insert into audit_log (practice_id, seq, action, hash) values ($1, 1, 'practice.created', $2)")
        .bind(practice)
        .bind(vec![0u8; 32])
        .execute(&pool)
        .await
        .expect("append");
    for statement in [
        "update audit_log set action = 'x.y'",
        "delete from audit_log",
        "truncate audit_log",
    ] {
        let refused = sqlx::query(statement)
            .execute(&pool)
            .await
            .expect_err(statement);
        let code = refused
            .as_database_error()
            .and_then(sqlx::error::DatabaseError::code);
        assert_eq!(code.as_deref(), Some("42501"), "{statement}: {refused}");
    }
    let count: i64 = sqlx::query_scalar("select count(*) from audit_log")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(count, 1);
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn updated_at_moves_on_update(pool: PgPool) {
    let (id, created): (uuid::Uuid, chrono::DateTime<chrono::Utc>) =
        sqlx::query_as("insert into practice (name, created_at, updated_at) values ('P', now() - interval '1 day', now() - interval '1 day') returning id, updated_at")
            .fetch_one(&pool)
            .await
            .expect("practice");
    let updated: chrono::DateTime<chrono::Utc> =
        sqlx::query_scalar("update practice set name = 'Q' where id = $1 returning updated_at")
            .bind(id)
            .fetch_one(&pool)
            .await
            .expect("update");
    assert!(updated > created);
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn ping_answers_on_a_live_database(pool: PgPool) {
    db::ping(&pool, std::time::Duration::from_secs(2))
        .await
        .expect("ping");
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_signed_consent_cannot_be_changed(pool: PgPool) {
    let practice: uuid::Uuid =
        sqlx::query_scalar("insert into practice (name) values ('P') returning id")
            .fetch_one(&pool)
            .await
            .expect("practice");
    let consent: uuid::Uuid = sqlx::query_scalar(
        "insert into consent_form (practice_id, type, status, token_hash, expires_at, encrypted_responses,
                                   inbox_key_version, submission_id, form_version_hash, signed_at)
         values ($1, 'BOTOX', 'SIGNED', $2, now() + interval '7 days', 'envelope', 1, gen_random_uuid(), $3, now())
         returning id",
    )
    .bind(practice)
    .bind(vec![1u8; 32])
    .bind(vec![2u8; 32])
    .fetch_one(&pool)
    .await
    .expect("signed consent");
    let tampered =
        sqlx::query("update consent_form set encrypted_responses = 'other' where id = $1")
            .bind(consent)
            .execute(&pool)
            .await
            .expect_err("answers of a signed consent are immutable");
    assert_eq!(
        tampered
            .as_database_error()
            .and_then(sqlx::error::DatabaseError::code)
            .as_deref(),
        Some("23000")
    );
    // Status may still move on (countersigning, withdrawal).
    sqlx::query("update consent_form set status = 'REVOKED', revoked_at = now(), revoked_by = 'PATIENT' where id = $1")
        .bind(consent)
        .execute(&pool)
        .await
        .expect("withdrawal of a signed consent");
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn consent_states_need_their_evidence(pool: PgPool) {
    let practice: uuid::Uuid =
        sqlx::query_scalar("insert into practice (name) values ('P') returning id")
            .fetch_one(&pool)
            .await
            .expect("practice");
    for (status, why) in [
        ("SIGNED", "signed without answers or signature time"),
        ("REVOKED", "revoked without time and by whom"),
        ("COMPLETED", "completed without countersignature"),
    ] {
        let refused = sqlx::query(
            "insert into consent_form (practice_id, type, status, token_hash, expires_at)
             values ($1, 'LASER', $2::consent_status, $3, now() + interval '1 day')",
        )
        .bind(practice)
        .bind(status)
        .bind(vec![7u8; 32])
        .execute(&pool)
        .await
        .expect_err(why);
        assert_eq!(
            refused
                .as_database_error()
                .and_then(sqlx::error::DatabaseError::code)
                .as_deref(),
            Some("23514"),
            "{why}"
        );
    }
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn the_evidence_of_a_signed_consent_is_fixed_and_completion_is_final(pool: PgPool) {
    let practice: uuid::Uuid =
        sqlx::query_scalar("insert into practice (name) values ('P') returning id")
            .fetch_one(&pool)
            .await
            .expect("practice");
    let user: uuid::Uuid = sqlx::query_scalar(
        "insert into \"user\" (practice_id, email, role) values ($1, 'a@praxis.example', 'ARZT') returning id",
    )
    .bind(practice)
    .fetch_one(&pool)
    .await
    .expect("user");
    let consent: uuid::Uuid = sqlx::query_scalar(
        r#"insert into consent_form (practice_id, type, status, token_hash, expires_at, encrypted_responses,
                                   inbox_key_version, submission_id, form_version_hash, signed_at, evidence)
         values ($1, 'BOTOX', 'SIGNED', $2, now() + interval '7 days', 'envelope', 1, gen_random_uuid(), $3, now(),
                 '{"form_version": "botox-de-2026-12-1", "steps": {"review": "2026-12-04T09:00:00Z"}}')
         returning id"#,
    )
    .bind(practice)
    .bind(vec![1u8; 32])
    .bind(vec![2u8; 32])
    .fetch_one(&pool)
    .await
    .expect("signed consent");
    let update = |sql: &'static str| {
        let pool = pool.clone();
        async move { sqlx::query(sql).bind(consent).execute(&pool).await }
    };
    for tampering in [
        r#"update consent_form set evidence = jsonb_set(evidence, '{steps,review}', '"2026-12-05T09:00:00Z"') where id = $1"#,
        "update consent_form set evidence = evidence - 'form_version' where id = $1",
        "update consent_form set evidence = '{}' where id = $1",
        // Nothing may be added either: a backdated step, a new key.
        r#"update consent_form set evidence = jsonb_set(evidence, '{steps,intro}', '"2026-12-04T08:00:00Z"') where id = $1"#,
        r#"update consent_form set evidence = evidence || '{"note": "added"}' where id = $1"#,
    ] {
        let refused = update(tampering).await.expect_err(tampering);
        assert_eq!(
            refused
                .as_database_error()
                .and_then(sqlx::error::DatabaseError::code)
                .as_deref(),
            Some("23000"),
            "{tampering}"
        );
    }
    // Countersigning adds the explanation and completes it; after that nothing changes.
    sqlx::query(
        r#"update consent_form set status = 'COMPLETED', completed_at = now(), countersigned_by = $2,
               evidence = evidence || '{"explanation": {"explained_on": "2026-12-04"}}'
         where id = $1"#,
    )
    .bind(consent)
    .bind(user)
    .execute(&pool)
    .await
    .expect("countersigned");
    for tampering in [
        r#"update consent_form set evidence = evidence || '{"note": "later"}' where id = $1"#,
        r#"update consent_form set evidence = evidence || '{"explanation": {"explained_on": "2026-11-01"}}' where id = $1"#,
        // Reopening first would have unlocked the evidence: completion itself is final.
        "update consent_form set status = 'SIGNED', completed_at = null, countersigned_by = null where id = $1",
        "update consent_form set completed_at = completed_at - interval '1 day' where id = $1",
    ] {
        let refused = update(tampering).await.expect_err(tampering);
        let refused = refused.as_database_error().expect("refused by the database");
        assert_eq!(refused.code().as_deref(), Some("23000"), "{tampering}");
        assert!(
            refused.message().contains("cannot be changed"),
            "{tampering}: {}",
            refused.message()
        );
    }
}
