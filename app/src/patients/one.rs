//! One patient's page: their sealed details and the status of their consents. Handing out the
//! envelopes is audited as a view, because the browser asking for them is about to open them.

use domain::{ConsentStatus, ConsentType};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::directory::PatientEntry;
use crate::error::AppError;

/// A consent as a patient's page lists it: metadata only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentLine {
    pub id: String,
    pub kind: ConsentType,
    pub status: ConsentStatus,
    /// `YYYY-MM-DD` (UTC).
    pub created_on: String,
    pub expires_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatientRecord {
    pub entry: PatientEntry,
    pub consents: Vec<ConsentLine>,
}

#[server(endpoint = "open_patient_record")]
pub async fn open_patient_record(patient_id: String) -> Result<PatientRecord, AppError> {
    server::record(&patient_id)
        .await
        .map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use domain::{AuditAction, Capability};
    use uuid::Uuid;

    use super::{ConsentLine, PatientRecord};
    use crate::auth::require;
    use crate::error::AppError;

    pub async fn record(patient_id: &str) -> Result<PatientRecord, AppError> {
        let staff = require(Capability::ManagePatients)?;
        // A malformed id and another practice's id get the same answer as an unknown one.
        let id: Uuid = patient_id.parse().map_err(|_| AppError::NotFound)?;
        let pool = crate::error::db_pool()?;
        let mut tx = pool.begin().await?;
        let patient = db::patient::one(&mut tx, staff.practice_id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let consents = db::consent::for_patient(&mut tx, staff.practice_id, id).await?;
        staff
            .audit(
                &mut tx,
                AuditAction::PatientViewed,
                ("patient", id),
                serde_json::json!({}),
            )
            .await?;
        tx.commit().await?;
        let day = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d").to_string();
        Ok(PatientRecord {
            entry: crate::patients::directory::entry(patient),
            consents: consents
                .into_iter()
                .map(|c| ConsentLine {
                    id: c.id.to_string(),
                    kind: c.kind,
                    status: c.status,
                    created_on: day(c.created_at),
                    expires_on: day(c.expires_at),
                })
                .collect(),
        })
    }
}
