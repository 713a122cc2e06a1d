//! The dashboard's counts (DESIGN §5, issue 5: pending, awaiting review, expiring within 7 days,
//! completed this month) against consents in every status and on both sides of each boundary,
//! and each count's list naming exactly the consents it counted.

use std::collections::BTreeSet;

use app::consents::{ConsentOverview, ConsentView};
use domain::{ConsentStatus, Fee};

use crate::consent_status_machine::{consent_in, demo_staff};
use crate::support::*;

async fn overview(pool: &PgPool, cookie: &str, view: ConsentView) -> ConsentOverview {
    let body = serde_json::json!({ "view": view }).to_string();
    let answer = post_body(
        router(pool.clone()),
        "/api/consents_overview",
        "application/json",
        &body,
        Some(cookie),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    serde_json::from_str(&answer.body).expect("json")
}

async fn shift(pool: &PgPool, id: &str, column: &str, to: &str) {
    // Column and value come from this file only.
    sqlx::query(&format!(
        "update consent_form set {column} = {to} where id = $1::uuid"
    ))
    .bind(id)
    .execute(pool)
    .await
    .expect("shifted");
}

/// Completion is final (a trigger refuses any change): the test steps around it to place a
/// completion at a month's boundary.
async fn backdate_completion(pool: &PgPool, id: &str, to: &str) {
    let mut tx = pool.begin().await.expect("transaction");
    for statement in [
        "alter table consent_form disable trigger consent_form_signed_immutable".to_owned(),
        format!("update consent_form set completed_at = {to} where id = '{id}'::uuid"),
        "alter table consent_form enable trigger consent_form_signed_immutable".to_owned(),
    ] {
        sqlx::query(&statement)
            .execute(&mut *tx)
            .await
            .expect("backdated");
    }
    tx.commit().await.expect("committed");
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn the_counts_and_their_lists_name_the_same_consents(pool: PgPool) {
    let staff = demo_staff(&pool).await;
    // The demo practice's own open links, made valid for a month: open, not expiring soon.
    let seeded: Vec<String> = sqlx::query_scalar("select id::text from consent_form")
        .fetch_all(&pool)
        .await
        .expect("seeded links");
    for id in &seeded {
        shift(&pool, id, "expires_at", "now() + interval '30 days'").await;
    }
    let new = |status| consent_in(&pool, &staff, status, Fee::None);
    // Links are made valid for 7 days: inside "expiring within 7 days".
    let soon = new(ConsentStatus::Pending).await.id;
    let filled_soon = new(ConsentStatus::Filled).await.id;
    let later = new(ConsentStatus::Pending).await.id;
    shift(&pool, &later, "expires_at", "now() + interval '8 days'").await;
    let signed = new(ConsentStatus::Signed).await.id;
    let paid = consent_in(&pool, &staff, ConsentStatus::Paid, Fee::Due)
        .await
        .id;
    let completed = new(ConsentStatus::Completed).await.id;
    // The month begins at midnight in Germany, an hour or two before midnight UTC.
    let month_start = "date_trunc('month', now(), 'Europe/Berlin')";
    let completed_before = new(ConsentStatus::Completed).await.id;
    backdate_completion(
        &pool,
        &completed_before,
        &format!("{month_start} - interval '1 second'"),
    )
    .await;
    let completed_first_hour = new(ConsentStatus::Completed).await.id;
    backdate_completion(
        &pool,
        &completed_first_hour,
        &format!("{month_start} + interval '1 second'"),
    )
    .await;
    let expired = new(ConsentStatus::Expired).await.id;
    let revoked = new(ConsentStatus::Revoked).await.id;
    // Past its expiry, not yet seen by the expiry job (which ran for `expired` above): no
    // longer open.
    let lapsed = new(ConsentStatus::Pending).await.id;
    shift(&pool, &lapsed, "expires_at", "now() - interval '1 minute'").await;

    let set = |ids: &[&String]| ids.iter().map(|s| (*s).clone()).collect::<BTreeSet<_>>();
    let with_seeded = |mut ids: BTreeSet<String>| {
        ids.extend(seeded.iter().cloned());
        ids
    };
    let expected = [
        (
            ConsentView::Open,
            with_seeded(set(&[&soon, &filled_soon, &later])),
        ),
        (ConsentView::ExpiringSoon, set(&[&soon, &filled_soon])),
        (ConsentView::AwaitingReview, set(&[&signed, &paid])),
        (
            ConsentView::CompletedThisMonth,
            set(&[&completed, &completed_first_hour]),
        ),
        (
            ConsentView::Status(ConsentStatus::Completed),
            set(&[&completed, &completed_before, &completed_first_hour]),
        ),
        (
            ConsentView::Status(ConsentStatus::Expired),
            set(&[&expired]),
        ),
        (
            ConsentView::Status(ConsentStatus::Revoked),
            set(&[&revoked]),
        ),
        (
            ConsentView::All,
            with_seeded(set(&[
                &soon,
                &filled_soon,
                &later,
                &lapsed,
                &signed,
                &paid,
                &completed,
                &completed_before,
                &completed_first_hour,
                &expired,
                &revoked,
            ])),
        ),
    ];
    for cookie in [&staff.desk, &staff.arzt] {
        for (view, ids) in &expected {
            let answer = overview(&pool, cookie, *view).await;
            let listed: BTreeSet<String> = answer.consents.iter().map(|c| c.id.clone()).collect();
            assert_eq!(&listed, ids, "{view:?}");
            let counts = answer.counts;
            assert_eq!(
                (
                    counts.pending,
                    counts.expiring_soon,
                    counts.awaiting_review,
                    counts.completed_this_month
                ),
                (3 + i64::try_from(seeded.len()).expect("a few"), 2, 2, 2),
                "pending, expiring within 7 days, awaiting review, completed this month"
            );
        }
    }
}
