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
    /// The language the patient's form opens in (`de`, `en`).
    pub locale: &'a str,
    pub created_by: Uuid,
}

pub async fn create_link(
    conn: &mut PgConnection,
    link: &NewConsentLink<'_>,
) -> Result<Uuid, DbError> {
    let id = sqlx::query_scalar!(
        "insert into consent_form (practice_id, patient_id, type, token_hash, expires_at, fee_cents, locale, created_by)
         values ($1, $2, $3, $4, now() + make_interval(days => $5), $6, $7, $8)
         returning id",
        link.practice_id,
        link.patient_id,
        link.kind as ConsentType,
        &link.token_hash[..],
        link.valid_days,
        link.fee_cents,
        link.locale,
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

/// A consent link as its creator may still act on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenLink {
    pub status: domain::ConsentStatus,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    pub locale: String,
}

/// The consent of this practice whose link token has this hash, if that is `consent_id`
/// (proves the caller holds the link itself, not just the id).
pub async fn link_with_token(
    conn: &mut PgConnection,
    practice_id: Uuid,
    consent_id: Uuid,
    token_hash: &[u8; 32],
) -> Result<Option<OpenLink>, DbError> {
    let row = sqlx::query_as!(
        OpenLink,
        r#"select status as "status: domain::ConsentStatus", expires_at, locale
           from consent_form
           where practice_id = $1 and id = $2 and token_hash = $3"#,
        practice_id,
        consent_id,
        &token_hash[..],
    )
    .fetch_optional(conn)
    .await?;
    Ok(row)
}

/// When a consent's link stops working.
pub async fn expiry(
    conn: &mut PgConnection,
    practice_id: Uuid,
    consent_id: Uuid,
) -> Result<Option<chrono::DateTime<chrono::Utc>>, DbError> {
    let at = sqlx::query_scalar!(
        "select expires_at from consent_form where practice_id = $1 and id = $2",
        practice_id,
        consent_id,
    )
    .fetch_optional(conn)
    .await?;
    Ok(at)
}
