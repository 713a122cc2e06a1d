//! A practice's details (name, address, data-protection contact) and consent settings.

use domain::ConsentType;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::DbError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PracticeDetails {
    pub name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub dpo_name: String,
    pub dpo_email: String,
    pub enabled_consent_types: Vec<ConsentType>,
    pub default_validity_days: i32,
    pub reminder_enabled: bool,
    pub reminder_delay_hours: i32,
}

pub async fn load(
    conn: &mut PgConnection,
    practice_id: Uuid,
) -> Result<Option<PracticeDetails>, DbError> {
    let row = sqlx::query!(
        r#"select p.name, p.street, p.postal_code, p.city, p.dpo_name, p.dpo_email,
                  s.enabled_consent_types as "enabled_consent_types: Vec<ConsentType>",
                  s.default_validity_days, s.reminder_enabled, s.reminder_delay_hours
           from practice p join practice_settings s on s.practice_id = p.id
           where p.id = $1"#,
        practice_id
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| PracticeDetails {
        name: r.name,
        street: r.street,
        postal_code: r.postal_code,
        city: r.city,
        dpo_name: r.dpo_name,
        dpo_email: r.dpo_email,
        enabled_consent_types: r.enabled_consent_types,
        default_validity_days: r.default_validity_days,
        reminder_enabled: r.reminder_enabled,
        reminder_delay_hours: r.reminder_delay_hours,
    }))
}

/// Saves validated details; returns the names of the fields that changed (for the audit log,
/// which records what changed but not the values).
pub async fn save(
    conn: &mut PgConnection,
    practice_id: Uuid,
    new: &PracticeDetails,
) -> Result<Vec<&'static str>, DbError> {
    let Some(old) = load(&mut *conn, practice_id).await? else {
        return Ok(Vec::new());
    };
    let changed: Vec<&'static str> = [
        ("name", old.name != new.name),
        ("street", old.street != new.street),
        ("postal_code", old.postal_code != new.postal_code),
        ("city", old.city != new.city),
        ("dpo_name", old.dpo_name != new.dpo_name),
        ("dpo_email", old.dpo_email != new.dpo_email),
        (
            "enabled_consent_types",
            old.enabled_consent_types != new.enabled_consent_types,
        ),
        (
            "default_validity_days",
            old.default_validity_days != new.default_validity_days,
        ),
        (
            "reminder_enabled",
            old.reminder_enabled != new.reminder_enabled,
        ),
        (
            "reminder_delay_hours",
            old.reminder_delay_hours != new.reminder_delay_hours,
        ),
    ]
    .into_iter()
    .filter_map(|(field, differs)| differs.then_some(field))
    .collect();
    sqlx::query!(
        "update practice set name = $2, street = $3, postal_code = $4, city = $5, dpo_name = $6, dpo_email = $7
         where id = $1",
        practice_id,
        new.name,
        new.street,
        new.postal_code,
        new.city,
        new.dpo_name,
        new.dpo_email,
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "update practice_settings
         set enabled_consent_types = $2, default_validity_days = $3, reminder_enabled = $4, reminder_delay_hours = $5
         where practice_id = $1",
        practice_id,
        &new.enabled_consent_types as &[ConsentType],
        new.default_validity_days,
        new.reminder_enabled,
        new.reminder_delay_hours,
    )
    .execute(conn)
    .await?;
    Ok(changed)
}
