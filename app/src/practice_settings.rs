//! The practice's details and consent settings (ADMIN): name, address and data-protection
//! contact (shown to patients, Art. 13 GDPR), the treatment types offered, how long a consent
//! link stays valid, and reminders.

use domain::ConsentType;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticeSettingsForm {
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

#[server(endpoint = "practice_settings")]
pub async fn practice_settings() -> Result<PracticeSettingsForm, AppError> {
    server::load().await.map_err(crate::error::answered)
}

#[server(endpoint = "save_practice_settings", input = server_fn::codec::Json)]
pub async fn save_practice_settings(settings: PracticeSettingsForm) -> Result<(), AppError> {
    server::save(settings).await.map_err(crate::error::answered)
}

/// Why settings were refused; the page names the field.
pub fn check(form: &PracticeSettingsForm) -> Result<(), &'static str> {
    let trimmed_len = |s: &str| s.trim().chars().count();
    if trimmed_len(&form.name) == 0 || trimmed_len(&form.name) > 200 {
        return Err("name");
    }
    if trimmed_len(&form.street) > 200 || trimmed_len(&form.city) > 100 {
        return Err("address");
    }
    if trimmed_len(&form.postal_code) > 10 {
        return Err("postal_code");
    }
    if trimmed_len(&form.dpo_name) > 200 {
        return Err("dpo_name");
    }
    if !form.dpo_email.trim().is_empty() && domain::Email::parse(&form.dpo_email).is_err() {
        return Err("dpo_email");
    }
    if form.enabled_consent_types.is_empty() {
        return Err("enabled_consent_types");
    }
    if !(1..=90).contains(&form.default_validity_days) {
        return Err("default_validity_days");
    }
    if !(1..=720).contains(&form.reminder_delay_hours) {
        return Err("reminder_delay_hours");
    }
    Ok(())
}

#[cfg(feature = "ssr")]
mod server {
    use domain::{AuditAction, Capability, ConsentType};

    use super::PracticeSettingsForm;
    use crate::auth::{client_network, require};
    use crate::error::AppError;

    pub async fn load() -> Result<PracticeSettingsForm, AppError> {
        let staff = require(Capability::ManagePracticeSettings)?;
        let pool = crate::error::db_pool()?;
        let mut conn = pool.acquire().await?;
        let d = db::practice_settings::load(&mut conn, staff.practice_id)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(PracticeSettingsForm {
            name: d.name,
            street: d.street,
            postal_code: d.postal_code,
            city: d.city,
            dpo_name: d.dpo_name,
            dpo_email: d.dpo_email,
            enabled_consent_types: d.enabled_consent_types,
            default_validity_days: d.default_validity_days,
            reminder_enabled: d.reminder_enabled,
            reminder_delay_hours: d.reminder_delay_hours,
        })
    }

    pub async fn save(form: PracticeSettingsForm) -> Result<(), AppError> {
        let staff = require(Capability::ManagePracticeSettings)?;
        super::check(&form)
            .map_err(|field| AppError::Validation(format!("{field} is not valid")))?;
        // One entry per type, in the product's order.
        let types: Vec<ConsentType> = ConsentType::ALL
            .iter()
            .copied()
            .filter(|t| form.enabled_consent_types.contains(t))
            .collect();
        let details = db::practice_settings::PracticeDetails {
            name: form.name.trim().to_owned(),
            street: form.street.trim().to_owned(),
            postal_code: form.postal_code.trim().to_owned(),
            city: form.city.trim().to_owned(),
            dpo_name: form.dpo_name.trim().to_owned(),
            dpo_email: form.dpo_email.trim().to_lowercase(),
            enabled_consent_types: types,
            default_validity_days: form.default_validity_days,
            reminder_enabled: form.reminder_enabled,
            reminder_delay_hours: form.reminder_delay_hours,
        };
        let pool = crate::error::db_pool()?;
        let mut tx = pool.begin().await?;
        let changed = db::practice_settings::save(&mut tx, staff.practice_id, &details).await?;
        if !changed.is_empty() {
            let network = client_network();
            db::audit::append(
                &mut tx,
                &db::audit::NewAuditEntry {
                    practice_id: staff.practice_id,
                    action: AuditAction::PracticeSettingsChanged,
                    entity: Some(("practice", staff.practice_id)),
                    actor_user_id: Some(staff.user_id),
                    ip_truncated: network.as_deref(),
                    metadata: serde_json::json!({ "fields": changed }),
                },
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> PracticeSettingsForm {
        PracticeSettingsForm {
            name: "Hautarztpraxis am Markt".into(),
            street: "Marktplatz 1".into(),
            postal_code: "04109".into(),
            city: "Leipzig".into(),
            dpo_name: "Datenschutz GmbH".into(),
            dpo_email: "datenschutz@praxis.example".into(),
            enabled_consent_types: vec![ConsentType::Botox],
            default_validity_days: 7,
            reminder_enabled: true,
            reminder_delay_hours: 48,
        }
    }

    type Spoil = fn(&mut PracticeSettingsForm);

    #[test]
    fn settings_are_checked_field_by_field() {
        assert_eq!(check(&valid()), Ok(()));

        let cases: [(Spoil, &str); 6] = [
            (|f| f.name = "  ".into(), "name"),
            (|f| f.dpo_email = "kein-at".into(), "dpo_email"),
            (|f| f.enabled_consent_types.clear(), "enabled_consent_types"),
            (|f| f.default_validity_days = 0, "default_validity_days"),
            (|f| f.default_validity_days = 91, "default_validity_days"),
            (|f| f.reminder_delay_hours = 721, "reminder_delay_hours"),
        ];
        for (spoil, field) in cases {
            let mut form = valid();
            spoil(&mut form);
            assert_eq!(check(&form), Err(field));
        }
        let mut empty_dpo = valid();
        empty_dpo.dpo_email = String::new();
        assert_eq!(
            check(&empty_dpo),
            Ok(()),
            "the contact address may be left empty"
        );
    }
}
