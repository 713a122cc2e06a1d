//! Staff side of submitted consents (DESIGN §5 step 5): the overview with counts, opening a
//! submission (the envelope goes to the physician's browser, which opens it; handing it out
//! is audited as a view), linking it to a patient, and the physician's countersignature after
//! the in-person explanation.

use domain::{ConsentStatus, ConsentType};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The dashboard's numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConsentCounts {
    pub pending: i64,
    pub awaiting_review: i64,
    pub expiring_soon: i64,
    pub completed_this_month: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentListItem {
    pub id: String,
    pub kind: ConsentType,
    pub status: ConsentStatus,
    pub patient_id: Option<String>,
    /// `YYYY-MM-DD` (UTC).
    pub created_on: String,
    pub expires_on: String,
    pub signed_on: Option<String>,
    pub fee_cents: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentOverview {
    pub counts: ConsentCounts,
    pub consents: Vec<ConsentListItem>,
}

/// A consent with what the physician's browser needs to open and verify its submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmittedConsent {
    pub consent_id: String,
    pub practice_id: String,
    pub kind: ConsentType,
    pub status: ConsentStatus,
    pub locale: String,
    pub patient_id: Option<String>,
    pub fee_cents: Option<i32>,
    pub envelope: Option<String>,
    pub submission_id: Option<String>,
    pub form_hash_hex: Option<String>,
    pub inbox_key_version: Option<u32>,
    /// The non-identifying evidence (form version, step times, receipt, countersignature).
    pub evidence: String,
    pub created_at: String,
    pub signed_at: Option<String>,
    pub completed_at: Option<String>,
}

/// How many consents the overview lists.
pub const OVERVIEW_LIMIT: i64 = 200;

/// Which consents the overview lists: one of the dashboard's counts, or one status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ConsentView {
    #[default]
    All,
    Status(ConsentStatus),
    /// Signed or paid: waiting for the physician.
    AwaitingReview,
    /// Sent, not signed, not past expiry.
    Open,
    /// Open and expiring within 7 days.
    ExpiringSoon,
    CompletedThisMonth,
}

#[server(endpoint = "consents_overview", input = server_fn::codec::Json)]
pub async fn consents_overview(view: ConsentView) -> Result<ConsentOverview, AppError> {
    server::overview(view).await.map_err(crate::error::answered)
}

#[server(endpoint = "open_submitted_consent")]
pub async fn open_submitted_consent(consent_id: String) -> Result<SubmittedConsent, AppError> {
    server::open(&consent_id)
        .await
        .map_err(crate::error::answered)
}

#[server(endpoint = "link_consent_to_patient")]
pub async fn link_consent_to_patient(
    consent_id: String,
    patient_id: String,
) -> Result<(), AppError> {
    server::link(&consent_id, &patient_id)
        .await
        .map_err(crate::error::answered)
}

/// `explained_on`: the day of the in-person explanation (`YYYY-MM-DD`), by the signed-in
/// physician.
#[server(endpoint = "countersign_consent")]
pub async fn countersign_consent(consent_id: String, explained_on: String) -> Result<(), AppError> {
    server::countersign(&consent_id, &explained_on)
        .await
        .map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use domain::{AuditAction, Capability, ConsentEvent, ConsentStatus, Fee};
    use uuid::Uuid;

    use super::{
        ConsentCounts, ConsentListItem, ConsentOverview, ConsentView, SubmittedConsent,
        OVERVIEW_LIMIT,
    };
    use crate::auth::require;
    use crate::consents::hex;
    use crate::error::AppError;

    fn day(t: chrono::DateTime<chrono::Utc>) -> String {
        t.format("%Y-%m-%d").to_string()
    }

    /// The same predicates as `db::consent::counts`.
    fn filter(view: ConsentView) -> db::consent::ListFilter {
        let names = |s: &[ConsentStatus]| Some(s.iter().map(|s| s.as_str().to_owned()).collect());
        let open = [ConsentStatus::Pending, ConsentStatus::Filled];
        match view {
            ConsentView::All => db::consent::ListFilter::default(),
            ConsentView::Status(s) => db::consent::ListFilter {
                statuses: names(&[s]),
                ..Default::default()
            },
            ConsentView::AwaitingReview => db::consent::ListFilter {
                statuses: names(&[ConsentStatus::Signed, ConsentStatus::Paid]),
                ..Default::default()
            },
            ConsentView::Open => db::consent::ListFilter {
                statuses: names(&open),
                unexpired: true,
                ..Default::default()
            },
            ConsentView::ExpiringSoon => db::consent::ListFilter {
                statuses: names(&open),
                unexpired: true,
                expiring_within_days: Some(7),
                ..Default::default()
            },
            ConsentView::CompletedThisMonth => db::consent::ListFilter {
                statuses: names(&[ConsentStatus::Completed]),
                completed_this_month: true,
                ..Default::default()
            },
        }
    }

    pub async fn overview(view: ConsentView) -> Result<ConsentOverview, AppError> {
        let staff = require(Capability::ManageConsentLinks)?;
        let mut conn = crate::error::db_pool()?.acquire().await?;
        let counts = db::consent::counts(&mut conn, staff.practice_id).await?;
        let rows = db::consent::recent(&mut conn, staff.practice_id, &filter(view), OVERVIEW_LIMIT)
            .await?;
        Ok(ConsentOverview {
            counts: ConsentCounts {
                pending: counts.pending,
                awaiting_review: counts.awaiting_review,
                expiring_soon: counts.expiring_soon,
                completed_this_month: counts.completed_this_month,
            },
            consents: rows
                .into_iter()
                .map(|c| ConsentListItem {
                    id: c.id.to_string(),
                    kind: c.kind,
                    status: c.status,
                    patient_id: c.patient_id.map(|p| p.to_string()),
                    created_on: day(c.created_at),
                    expires_on: day(c.expires_at),
                    signed_on: c.signed_at.map(day),
                    fee_cents: c.fee_cents,
                })
                .collect(),
        })
    }

    pub async fn open(consent_id: &str) -> Result<SubmittedConsent, AppError> {
        let staff = require(Capability::OpenMedicalRecords)?;
        let id: Uuid = consent_id.parse().map_err(|_| AppError::NotFound)?;
        let pool = crate::error::db_pool()?;
        let mut tx = pool.begin().await?;
        let c = db::consent::submitted(&mut tx, staff.practice_id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        // Handing out the envelope is a view of medical data, even if the browser fails to
        // open it: recorded in the same transaction.
        if c.encrypted_responses.is_some() {
            staff
                .audit(
                    &mut tx,
                    AuditAction::ConsentViewed,
                    ("consent_form", id),
                    serde_json::json!({}),
                )
                .await?;
        }
        tx.commit().await?;
        Ok(SubmittedConsent {
            consent_id: c.id.to_string(),
            practice_id: staff.practice_id.to_string(),
            kind: c.kind,
            status: c.status,
            locale: c.locale,
            patient_id: c.patient_id.map(|p| p.to_string()),
            fee_cents: c.fee_cents,
            envelope: c.encrypted_responses,
            submission_id: c.submission_id.map(|s| s.to_string()),
            form_hash_hex: c.form_version_hash.as_deref().map(hex),
            inbox_key_version: c.inbox_key_version.and_then(|v| u32::try_from(v).ok()),
            evidence: c.evidence.to_string(),
            created_at: c.created_at.to_rfc3339(),
            signed_at: c.signed_at.map(|t| t.to_rfc3339()),
            completed_at: c.completed_at.map(|t| t.to_rfc3339()),
        })
    }

    pub async fn link(consent_id: &str, patient_id: &str) -> Result<(), AppError> {
        let staff = require(Capability::OpenMedicalRecords)?;
        let consent: Uuid = consent_id.parse().map_err(|_| AppError::NotFound)?;
        let patient: Uuid = patient_id.parse().map_err(|_| AppError::NotFound)?;
        let pool = crate::error::db_pool()?;
        let mut tx = pool.begin().await?;
        // Both must be of this practice; another practice's id answers as an unknown one.
        db::consent::submitted(&mut tx, staff.practice_id, consent)
            .await?
            .ok_or(AppError::NotFound)?;
        db::patient::one(&mut tx, staff.practice_id, patient)
            .await?
            .ok_or(AppError::NotFound)?;
        if !db::consent::link_patient(&mut tx, staff.practice_id, consent, patient).await? {
            return Err(AppError::Conflict(
                "this consent already belongs to a patient".to_owned(),
            ));
        }
        staff
            .audit(
                &mut tx,
                AuditAction::ConsentPatientLinked,
                ("consent_form", consent),
                serde_json::json!({ "patient_id": patient }),
            )
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn countersign(consent_id: &str, explained_on: &str) -> Result<(), AppError> {
        let staff = require(Capability::Countersign)?;
        let consent: Uuid = consent_id.parse().map_err(|_| AppError::NotFound)?;
        let explained = chrono::NaiveDate::parse_from_str(explained_on.trim(), "%Y-%m-%d")
            .map_err(|_| AppError::Validation("explained_on is not a date".to_owned()))?;
        let pool = crate::error::db_pool()?;
        let mut tx = pool.begin().await?;
        let c = db::consent::submitted(&mut tx, staff.practice_id, consent)
            .await?
            .ok_or(AppError::NotFound)?;
        // A day ahead of UTC is still "today" in Germany after local midnight.
        let today = chrono::Utc::now().date_naive() + chrono::Days::new(1);
        let created = c.created_at.date_naive();
        // The explanation happens around the consent, never in the future.
        if explained > today || explained < created - chrono::Days::new(30) {
            return Err(AppError::Validation(
                "explained_on must be a past day near the consent".to_owned(),
            ));
        }
        // A completed consent is part of a patient's record: whose it is must be settled first.
        if c.patient_id.is_none() {
            return Err(AppError::Conflict(
                "link the consent to a patient before countersigning".to_owned(),
            ));
        }
        // Countersigned only against the exact text the patient saw, as the review shows it: a
        // form this build does not know (forms/superseded.rs) cannot be checked by anyone.
        let known_form = c
            .form_version_hash
            .as_deref()
            .and_then(|h| <&[u8; 32]>::try_from(h).ok())
            .and_then(|h| crate::forms::published_form_with_hash(c.kind, h))
            .is_some();
        if c.signed_at.is_some() && !known_form {
            return Err(AppError::Conflict(
                "the form this consent was signed on is unknown to this version".to_owned(),
            ));
        }
        let fee = if c.fee_cents.is_some_and(|f| f > 0) {
            Fee::Due
        } else {
            Fee::None
        };
        let next = c
            .status
            .after(ConsentEvent::Countersigned, fee)
            .map_err(|_| match c.status {
                ConsentStatus::Signed => AppError::Conflict("the fee is not paid yet".to_owned()),
                other => AppError::Conflict(format!(
                    "a consent in status {other} cannot be countersigned"
                )),
            })?;
        let explanation = serde_json::json!({
            "explained_on": explained.format("%Y-%m-%d").to_string(),
            "explained_by": staff.user_id,
            "countersigned_at": chrono::Utc::now().to_rfc3339(),
        });
        if !db::consent::countersign(
            &mut tx,
            staff.practice_id,
            consent,
            staff.user_id,
            explanation,
            next,
        )
        .await?
        {
            return Err(AppError::Conflict(
                "this consent is already completed".to_owned(),
            ));
        }
        staff
            .audit(
                &mut tx,
                AuditAction::ConsentCountersigned,
                ("consent_form", consent),
                serde_json::json!({ "explained_on": explained.format("%Y-%m-%d").to_string() }),
            )
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
