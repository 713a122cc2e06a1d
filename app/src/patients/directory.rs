//! The practice's patients: the recent ones, the candidates for a lookup hash, and new ones.
//! Staff with the patients capability (DESIGN §6: every role) may list and create; what they
//! get are envelopes, which only their unlocked browser can open.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::record::{LookupHash, NewPatient, SealedPatient};
use crate::error::AppError;

/// How many of the newest patients the list carries; older ones are found by searching.
pub const RECENT_PATIENTS: i64 = 100;

/// A stored patient as lists get them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatientEntry {
    pub patient: SealedPatient,
    /// `YYYY-MM-DD` (UTC) the record was made.
    pub created_on: String,
}

#[server(endpoint = "patient_list")]
pub async fn patient_list() -> Result<Vec<PatientEntry>, AppError> {
    server::recent().await.map_err(crate::error::answered)
}

#[server(endpoint = "find_patients", input = server_fn::codec::Json)]
pub async fn find_patients(lookup: LookupHash) -> Result<Vec<PatientEntry>, AppError> {
    server::find(lookup).await.map_err(crate::error::answered)
}

/// Stores a patient sealed in the browser; answers their id.
#[server(endpoint = "create_patient", input = server_fn::codec::Json)]
pub async fn create_patient(new: NewPatient) -> Result<String, AppError> {
    server::create(new).await.map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
pub(crate) use server::entry;
#[cfg(feature = "ssr")]
pub use server::store;

#[cfg(feature = "ssr")]
mod server {
    use domain::{AuditAction, Capability};
    use uuid::Uuid;

    use super::{PatientEntry, RECENT_PATIENTS};
    use crate::auth::require;
    use crate::error::AppError;
    use crate::patients::record::{LookupHash, NewPatient, SealedPatient};

    /// The longest envelope text stored: a field of `MAX_FIELD_CHARS` characters (up to four
    /// bytes each) sealed and encoded stays well below it.
    const MAX_ENVELOPE_CHARS: usize = 2048;

    pub(crate) fn entry(p: db::patient::StoredPatient) -> PatientEntry {
        PatientEntry {
            created_on: p.created_at.format("%Y-%m-%d").to_string(),
            patient: SealedPatient {
                id: p.id.to_string(),
                first_name: p.encrypted_first_name,
                last_name: p.encrypted_last_name,
                date_of_birth: p.encrypted_date_of_birth,
                email: p.encrypted_email,
                wrapped_content_key: p.wrapped_content_key,
            },
        }
    }

    pub async fn recent() -> Result<Vec<PatientEntry>, AppError> {
        let staff = require(Capability::ManagePatients)?;
        let mut tx = crate::error::db_pool()?.begin().await?;
        let rows = db::patient::recent(&mut tx, staff.practice_id, RECENT_PATIENTS).await?;
        listed(&staff, &mut tx, rows.len(), "recent").await?;
        tx.commit().await?;
        Ok(rows.into_iter().map(entry).collect())
    }

    /// The browser decrypts the names it gets, so handing them out is a view of patient data
    /// (DESIGN §9): one audit row per list or search, with the count, never who.
    async fn listed(
        staff: &crate::auth::Staff,
        conn: &mut db::PgConnection,
        count: usize,
        by: &'static str,
    ) -> Result<(), AppError> {
        staff
            .audit(
                conn,
                AuditAction::PatientsListed,
                ("practice", staff.practice_id),
                serde_json::json!({ "count": count, "by": by }),
            )
            .await
    }

    pub async fn find(lookup: LookupHash) -> Result<Vec<PatientEntry>, AppError> {
        let staff = require(Capability::ManagePatients)?;
        if !lookup.is_plausible() {
            return Err(AppError::Validation("lookup hash is not valid".to_owned()));
        }
        let mut tx = crate::error::db_pool()?.begin().await?;
        let rows = db::patient::with_lookup_hash(
            &mut tx,
            staff.practice_id,
            &lookup.to_bytes(),
            i16::from(lookup.scheme),
        )
        .await?;
        listed(&staff, &mut tx, rows.len(), "lookup").await?;
        tx.commit().await?;
        Ok(rows.into_iter().map(entry).collect())
    }

    /// Only the shape is checked: the server cannot read what it stores, but it keeps nothing
    /// that is not an envelope of the right kind (a browser bug must not store plaintext).
    fn well_formed(new: &NewPatient) -> Result<Uuid, AppError> {
        let invalid = |what: &str| AppError::Validation(format!("{what} is not valid"));
        let p = &new.patient;
        let id: Uuid = p.id.parse().map_err(|_| invalid("patient id"))?;
        let fields = [
            Some(&p.first_name),
            Some(&p.last_name),
            Some(&p.date_of_birth),
            p.email.as_ref(),
        ];
        for text in fields.into_iter().flatten() {
            if text.len() > MAX_ENVELOPE_CHARS || crypto::ObjectEnvelope::from_text(text).is_err() {
                return Err(invalid("field envelope"));
            }
        }
        if p.wrapped_content_key.len() > MAX_ENVELOPE_CHARS
            || crypto::KeyWrapEnvelope::from_text(&p.wrapped_content_key).is_err()
        {
            return Err(invalid("wrapped content key"));
        }
        if !new.lookup.is_plausible() {
            return Err(invalid("lookup hash"));
        }
        Ok(id)
    }

    /// Stores a sealed patient (also used by `make seed`).
    pub async fn store(
        conn: &mut db::PgConnection,
        practice_id: Uuid,
        created_by: Uuid,
        id: Uuid,
        new: &NewPatient,
    ) -> Result<(), db::DbError> {
        let p = &new.patient;
        db::patient::create(
            conn,
            &db::patient::NewPatient {
                id,
                practice_id,
                encrypted_first_name: &p.first_name,
                encrypted_last_name: &p.last_name,
                encrypted_date_of_birth: &p.date_of_birth,
                encrypted_email: p.email.as_deref(),
                wrapped_content_key: &p.wrapped_content_key,
                lookup_hash: &new.lookup.to_bytes(),
                lookup_hash_version: i16::from(new.lookup.scheme),
                created_by,
            },
        )
        .await
    }

    pub async fn create(new: NewPatient) -> Result<String, AppError> {
        let staff = require(Capability::ManagePatients)?;
        let id = well_formed(&new)?;
        let pool = crate::error::db_pool()?;
        let mut tx = pool.begin().await?;
        // The envelopes are bound to the id the browser chose; one already in use (by chance
        // or replay) is refused rather than overwritten.
        if db::patient::id_taken(&mut tx, id).await? {
            return Err(AppError::Conflict("patient id already in use".to_owned()));
        }
        store(&mut tx, staff.practice_id, staff.user_id, id, &new).await?;
        staff
            .audit(
                &mut tx,
                AuditAction::PatientCreated,
                ("patient", id),
                serde_json::json!({}),
            )
            .await?;
        tx.commit().await?;
        Ok(id.to_string())
    }
}
