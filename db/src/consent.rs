//! Consent forms. The status machine and the submission path arrive with the consent flow;
//! here: creating a pending link.

use domain::ConsentType;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::DbError;

#[derive(Debug, Clone)]
pub struct NewConsentLink<'a> {
    pub practice_id: Uuid,
    pub patient_id: Option<Uuid>,
    pub kind: ConsentType,
    /// SHA-256 of the link token; the token itself is only in the link.
    pub token_hash: &'a [u8; 32],
    pub valid_days: i32,
    pub fee_cents: Option<i32>,
    pub created_by: Uuid,
}

pub async fn create_link(
    conn: &mut PgConnection,
    link: &NewConsentLink<'_>,
) -> Result<Uuid, DbError> {
    let id = sqlx::query_scalar!(
        "insert into consent_form (practice_id, patient_id, type, token_hash, expires_at, fee_cents, created_by)
         values ($1, $2, $3, $4, now() + make_interval(days => $5), $6, $7)
         returning id",
        link.practice_id,
        link.patient_id,
        link.kind as ConsentType,
        &link.token_hash[..],
        link.valid_days,
        link.fee_cents,
        link.created_by,
    )
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// What a status list shows of a consent: metadata only, never the envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentSummary {
    pub id: Uuid,
    pub kind: ConsentType,
    pub status: domain::ConsentStatus,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    pub signed_at: Option<chrono::DateTime<chrono::Utc>>,
    pub completed_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// A patient's consents, newest first.
pub async fn for_patient(
    conn: &mut PgConnection,
    practice_id: Uuid,
    patient_id: Uuid,
) -> Result<Vec<ConsentSummary>, DbError> {
    let rows = sqlx::query_as!(
        ConsentSummary,
        r#"select id, type as "kind: ConsentType", status as "status: domain::ConsentStatus",
                  created_at, expires_at, signed_at, completed_at
           from consent_form
           where practice_id = $1 and patient_id = $2
           order by created_at desc, id"#,
        practice_id,
        patient_id,
    )
    .fetch_all(conn)
    .await?;
    Ok(rows)
}
