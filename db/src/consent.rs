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

/// A consent as its link opens it for the patient: what the form needs, and the practice's
/// current inbox key to seal the answers to. No patient data (the server has none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkForPatient {
    pub id: Uuid,
    pub practice_id: Uuid,
    pub kind: ConsentType,
    pub status: domain::ConsentStatus,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    pub locale: String,
    pub fee_cents: Option<i32>,
    pub submission_id: Option<Uuid>,
    pub practice_name: String,
    pub brand_color: String,
    pub inbox_public_key: Vec<u8>,
    pub inbox_key_version: i32,
}

/// The consent whose link token has this hash, its row locked for the caller's transaction
/// (read and lock in one statement), so two submissions of one link are decided one after
/// the other, each seeing what the other wrote.
pub async fn by_link_token(
    conn: &mut PgConnection,
    token_hash: &[u8; 32],
) -> Result<Option<LinkForPatient>, DbError> {
    let row = sqlx::query_as!(
        LinkForPatient,
        r#"select c.id, c.practice_id, c.type as "kind: ConsentType",
                  c.status as "status: domain::ConsentStatus", c.expires_at, c.locale, c.fee_cents,
                  c.submission_id, p.name as practice_name, s.brand_color,
                  k.inbox_public_key, k.key_version as inbox_key_version
           from consent_form c
           join practice p on p.id = c.practice_id
           join practice_settings s on s.practice_id = c.practice_id
           join practice_key k on k.practice_id = c.practice_id and k.retired_at is null
           where c.token_hash = $1
           for update of c"#,
        &token_hash[..],
    )
    .fetch_optional(conn)
    .await?;
    Ok(row)
}

/// A sealed submission as the patient's browser sends it.
#[derive(Debug, Clone)]
pub struct SealedAnswers<'a> {
    pub consent_id: Uuid,
    pub envelope: &'a str,
    pub inbox_key_version: i32,
    pub form_version_hash: &'a [u8; 32],
    pub submission_id: Uuid,
    pub evidence: serde_json::Value,
}

/// Stores answers saved before the signature (status FILLED, decided by the caller from the
/// status machine). `false` when the consent was signed meanwhile (nothing changed).
pub async fn save_answers(
    conn: &mut PgConnection,
    sealed: &SealedAnswers<'_>,
    status: domain::ConsentStatus,
) -> Result<bool, DbError> {
    let done = sqlx::query!(
        "update consent_form
         set encrypted_responses = $2, inbox_key_version = $3, form_version_hash = $4,
             submission_id = $5, evidence = $6, status = $7, filled_at = coalesce(filled_at, now())
         where id = $1 and signed_at is null",
        sealed.consent_id,
        sealed.envelope,
        sealed.inbox_key_version,
        &sealed.form_version_hash[..],
        sealed.submission_id,
        sealed.evidence,
        status as domain::ConsentStatus,
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Stores the signed submission (status SIGNED, decided by the caller) and the hash of the
/// patient's withdrawal token. From here on the database keeps the content unchanged.
/// `false` when it was signed meanwhile (nothing changed).
pub async fn sign(
    conn: &mut PgConnection,
    sealed: &SealedAnswers<'_>,
    withdrawal_token_hash: &[u8; 32],
    status: domain::ConsentStatus,
) -> Result<bool, DbError> {
    let done = sqlx::query!(
        "update consent_form
         set encrypted_responses = $2, inbox_key_version = $3, form_version_hash = $4,
             submission_id = $5, evidence = $6, status = $7, withdrawal_token_hash = $8,
             signed_at = now()
         where id = $1 and signed_at is null",
        sealed.consent_id,
        sealed.envelope,
        sealed.inbox_key_version,
        &sealed.form_version_hash[..],
        sealed.submission_id,
        sealed.evidence,
        status as domain::ConsentStatus,
        &withdrawal_token_hash[..],
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A consent as the patient's withdrawal link finds it (locked for the caller's transaction).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Withdrawable {
    pub id: Uuid,
    pub practice_id: Uuid,
    pub kind: ConsentType,
    pub status: domain::ConsentStatus,
    pub fee_cents: Option<i32>,
    pub locale: String,
    pub practice_name: String,
    pub signed_at: Option<chrono::DateTime<chrono::Utc>>,
}

pub async fn by_withdrawal_token(
    conn: &mut PgConnection,
    token_hash: &[u8; 32],
) -> Result<Option<Withdrawable>, DbError> {
    let row = sqlx::query_as!(
        Withdrawable,
        r#"select c.id, c.practice_id, c.type as "kind: ConsentType",
                  c.status as "status: domain::ConsentStatus", c.fee_cents, c.locale,
                  p.name as practice_name, c.signed_at
           from consent_form c join practice p on p.id = c.practice_id
           where c.withdrawal_token_hash = $1
           for update of c"#,
        &token_hash[..],
    )
    .fetch_optional(conn)
    .await?;
    Ok(row)
}

/// Marks a consent withdrawn (status REVOKED, decided by the caller from the status machine).
pub async fn revoke(
    conn: &mut PgConnection,
    consent_id: Uuid,
    by_patient: bool,
) -> Result<(), DbError> {
    let by = if by_patient { "PATIENT" } else { "STAFF" };
    sqlx::query!(
        "update consent_form set status = 'REVOKED', revoked_at = now(), revoked_by = $2::text::revoked_by
         where id = $1",
        consent_id,
        by,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// A consent's status and fee, locked for the caller's transaction.
pub async fn status_for_update(
    conn: &mut PgConnection,
    practice_id: Uuid,
    consent_id: Uuid,
) -> Result<Option<(domain::ConsentStatus, Option<i32>)>, DbError> {
    let row = sqlx::query!(
        r#"select status as "status: domain::ConsentStatus", fee_cents
           from consent_form where practice_id = $1 and id = $2 for update"#,
        practice_id,
        consent_id,
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| (r.status, r.fee_cents)))
}

/// A consent as the inbox lists it: metadata only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxEntry {
    pub id: Uuid,
    pub kind: ConsentType,
    pub status: domain::ConsentStatus,
    pub patient_id: Option<Uuid>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    pub signed_at: Option<chrono::DateTime<chrono::Utc>>,
    pub completed_at: Option<chrono::DateTime<chrono::Utc>>,
    pub fee_cents: Option<i32>,
}

/// Which consents a list shows: the same predicates as [`counts`], so a count and the list
/// it opens always agree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Status names; `None` for every status.
    pub statuses: Option<Vec<String>>,
    /// Only links that have not reached their expiry.
    pub unexpired: bool,
    /// Only links expiring within this many days.
    pub expiring_within_days: Option<i32>,
    /// Only consents completed since the start of this month in the practice's time zone.
    pub completed_this_month: bool,
}

/// Where "this month" begins for a practice. Practices are in Germany (DESIGN §1); a practice
/// setting can replace this when practices elsewhere come. Before, months began at midnight UTC,
/// so a consent completed in the first hour or two of a month counted for the month before.
pub const PRACTICE_TIME_ZONE: &str = "Europe/Berlin";

/// The practice's consents, newest first.
pub async fn recent(
    conn: &mut PgConnection,
    practice_id: Uuid,
    filter: &ListFilter,
    limit: i64,
) -> Result<Vec<InboxEntry>, DbError> {
    let rows = sqlx::query_as!(
        InboxEntry,
        r#"select id, type as "kind: ConsentType", status as "status: domain::ConsentStatus",
                  patient_id, created_at, expires_at, signed_at, completed_at, fee_cents
           from consent_form
           where practice_id = $1
             and ($2::text[] is null or status::text = any($2))
             and (not $3 or expires_at > now())
             and ($4::int is null or expires_at <= now() + make_interval(days => $4))
             and (not $5 or completed_at >= date_trunc('month', now(), $7))
           order by coalesce(signed_at, created_at) desc, id
           limit $6"#,
        practice_id,
        filter.statuses.as_deref(),
        filter.unexpired,
        filter.expiring_within_days,
        filter.completed_this_month,
        limit,
        PRACTICE_TIME_ZONE,
    )
    .fetch_all(conn)
    .await?;
    Ok(rows)
}

/// The dashboard's counts (DESIGN §5; issue 5 deliverable 7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Sent, not yet signed.
    pub pending: i64,
    /// Signed (or paid), waiting for the physician.
    pub awaiting_review: i64,
    /// Still open and expiring within 7 days.
    pub expiring_soon: i64,
    /// Completed since the start of this month in the practice's time zone.
    pub completed_this_month: i64,
}

pub async fn counts(conn: &mut PgConnection, practice_id: Uuid) -> Result<Counts, DbError> {
    let row = sqlx::query!(
        r#"select
             count(*) filter (where status in ('PENDING', 'FILLED') and expires_at > now()) as "pending!",
             count(*) filter (where status in ('SIGNED', 'PAID')) as "awaiting_review!",
             count(*) filter (where status in ('PENDING', 'FILLED') and expires_at > now()
                              and expires_at <= now() + interval '7 days') as "expiring_soon!",
             count(*) filter (where status = 'COMPLETED'
                              and completed_at >= date_trunc('month', now(), $2)) as "completed_this_month!"
           from consent_form where practice_id = $1"#,
        practice_id,
        PRACTICE_TIME_ZONE,
    )
    .fetch_one(conn)
    .await?;
    Ok(Counts {
        pending: row.pending,
        awaiting_review: row.awaiting_review,
        expiring_soon: row.expiring_soon,
        completed_this_month: row.completed_this_month,
    })
}

/// A submitted consent as the reviewing physician's browser needs it to open and verify it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submitted {
    pub id: Uuid,
    pub kind: ConsentType,
    pub status: domain::ConsentStatus,
    pub locale: String,
    pub patient_id: Option<Uuid>,
    pub fee_cents: Option<i32>,
    pub encrypted_responses: Option<String>,
    pub inbox_key_version: Option<i32>,
    pub form_version_hash: Option<Vec<u8>>,
    pub submission_id: Option<Uuid>,
    pub evidence: serde_json::Value,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub signed_at: Option<chrono::DateTime<chrono::Utc>>,
    pub completed_at: Option<chrono::DateTime<chrono::Utc>>,
    pub countersigned_by: Option<Uuid>,
}

/// A consent of the practice, its row locked for the caller's transaction (read and lock in
/// one statement, so two physicians acting at once are decided one after the other).
pub async fn submitted(
    conn: &mut PgConnection,
    practice_id: Uuid,
    consent_id: Uuid,
) -> Result<Option<Submitted>, DbError> {
    let row = sqlx::query_as!(
        Submitted,
        r#"select id, type as "kind: ConsentType", status as "status: domain::ConsentStatus",
                  locale, patient_id, fee_cents, encrypted_responses, inbox_key_version,
                  form_version_hash, submission_id, evidence, created_at, signed_at, completed_at,
                  countersigned_by
           from consent_form where practice_id = $1 and id = $2
           for update"#,
        practice_id,
        consent_id,
    )
    .fetch_optional(conn)
    .await?;
    Ok(row)
}

/// Links a consent to a patient of the same practice (the composite foreign key keeps it
/// inside the practice). Only once: a linked consent keeps its patient.
pub async fn link_patient(
    conn: &mut PgConnection,
    practice_id: Uuid,
    consent_id: Uuid,
    patient_id: Uuid,
) -> Result<bool, DbError> {
    let done = sqlx::query!(
        "update consent_form set patient_id = $3
         where practice_id = $1 and id = $2 and patient_id is null",
        practice_id,
        consent_id,
        patient_id,
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The physician's countersignature (status COMPLETED, decided by the caller from the status
/// machine), with the in-person explanation recorded in the evidence. Only once: `false` when
/// it was countersigned (or withdrawn) meanwhile.
pub async fn countersign(
    conn: &mut PgConnection,
    practice_id: Uuid,
    consent_id: Uuid,
    physician: Uuid,
    explanation: serde_json::Value,
    status: domain::ConsentStatus,
) -> Result<bool, DbError> {
    let done = sqlx::query!(
        "update consent_form
         set status = $5, completed_at = now(), countersigned_by = $3,
             evidence = evidence || jsonb_build_object('explanation', $4::jsonb)
         where practice_id = $1 and id = $2 and status in ('SIGNED', 'PAID')
           and completed_at is null",
        practice_id,
        consent_id,
        physician,
        explanation,
        status as domain::ConsentStatus,
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
