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
