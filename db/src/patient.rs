//! Patients: only envelopes made in a staff browser, and the keyed lookup hash.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::DbError;

#[derive(Debug, Clone)]
pub struct NewPatient<'a> {
    /// Chosen by the browser, because the envelopes are bound to it.
    pub id: Uuid,
    pub practice_id: Uuid,
    pub encrypted_first_name: &'a str,
    pub encrypted_last_name: &'a str,
    pub encrypted_date_of_birth: &'a str,
    pub encrypted_email: Option<&'a str>,
    pub wrapped_content_key: &'a str,
    pub lookup_hash: &'a [u8],
    pub lookup_hash_version: i16,
    pub created_by: Uuid,
}

pub async fn create(conn: &mut PgConnection, patient: &NewPatient<'_>) -> Result<(), DbError> {
    sqlx::query!(
        "insert into patient (id, practice_id, encrypted_first_name, encrypted_last_name, encrypted_date_of_birth,
                              encrypted_email, wrapped_content_key, lookup_hash, lookup_hash_version, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        patient.id,
        patient.practice_id,
        patient.encrypted_first_name,
        patient.encrypted_last_name,
        patient.encrypted_date_of_birth,
        patient.encrypted_email,
        patient.wrapped_content_key,
        patient.lookup_hash,
        patient.lookup_hash_version,
        patient.created_by,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// A patient as the database holds them: envelopes only, opened in a staff browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPatient {
    pub id: Uuid,
    pub encrypted_first_name: String,
    pub encrypted_last_name: String,
    pub encrypted_date_of_birth: String,
    pub encrypted_email: Option<String>,
    pub wrapped_content_key: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// The most recently created patients of a practice, newest first. Older ones are found by
/// their lookup hash (`with_lookup_hash`), so the list never has to carry the whole practice.
pub async fn recent(
    conn: &mut PgConnection,
    practice_id: Uuid,
    limit: i64,
) -> Result<Vec<StoredPatient>, DbError> {
    let rows = sqlx::query_as!(
        StoredPatient,
        "select id, encrypted_first_name, encrypted_last_name, encrypted_date_of_birth,
                encrypted_email, wrapped_content_key, created_at
         from patient
         where practice_id = $1 and shredded_at is null
         order by created_at desc, id
         limit $2",
        practice_id,
        limit,
    )
    .fetch_all(conn)
    .await?;
    Ok(rows)
}

/// The candidates for one lookup hash (DESIGN §4.4): several patients may share it, so the
/// staff browser decrypts them and keeps those that really match.
pub async fn with_lookup_hash(
    conn: &mut PgConnection,
    practice_id: Uuid,
    lookup_hash: &[u8],
    lookup_hash_version: i16,
) -> Result<Vec<StoredPatient>, DbError> {
    let rows = sqlx::query_as!(
        StoredPatient,
        "select id, encrypted_first_name, encrypted_last_name, encrypted_date_of_birth,
                encrypted_email, wrapped_content_key, created_at
         from patient
         where practice_id = $1 and lookup_hash = $2 and lookup_hash_version = $3
           and shredded_at is null
         order by created_at desc, id
         limit 200",
        practice_id,
        lookup_hash,
        lookup_hash_version,
    )
    .fetch_all(conn)
    .await?;
    Ok(rows)
}

/// One patient of the practice; `None` for an id of another practice or none at all.
pub async fn one(
    conn: &mut PgConnection,
    practice_id: Uuid,
    patient_id: Uuid,
) -> Result<Option<StoredPatient>, DbError> {
    let row = sqlx::query_as!(
        StoredPatient,
        "select id, encrypted_first_name, encrypted_last_name, encrypted_date_of_birth,
                encrypted_email, wrapped_content_key, created_at
         from patient
         where practice_id = $1 and id = $2 and shredded_at is null",
        practice_id,
        patient_id,
    )
    .fetch_optional(conn)
    .await?;
    Ok(row)
}

/// Whether a patient id is taken, in any practice (ids are chosen by browsers).
pub async fn id_taken(conn: &mut PgConnection, patient_id: Uuid) -> Result<bool, DbError> {
    let taken = sqlx::query_scalar!(
        r#"select exists(select 1 from patient where id = $1) as "taken!""#,
        patient_id
    )
    .fetch_one(conn)
    .await?;
    Ok(taken)
}
