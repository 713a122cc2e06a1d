//! Creating a consent link (DESIGN §5 step 1) and mailing it. The link token is made here on
//! the server, shown to the member once (as text and QR code) and stored only as its SHA-256;
//! it travels in the URL fragment, so no server or proxy log ever sees it. The mail to the
//! patient names the practice and nothing else.

use domain::ConsentType;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::auth::QrSvg;
use crate::error::AppError;

/// Longest validity staff may give a link (the practice default is within it too).
pub const MAX_VALID_DAYS: i32 = 90;
/// Highest fee a link may carry: 10 000 € (a typo guard, not a business rule).
pub const MAX_FEE_CENTS: i32 = 1_000_000;

/// What the form offers: the practice's enabled types and its default validity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkOptions {
    pub types: Vec<ConsentType>,
    pub default_validity_days: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentLinkRequest {
    /// A patient of the practice, or none (the submission is matched later).
    pub patient_id: Option<String>,
    pub kind: ConsentType,
    pub valid_days: i32,
    pub fee_cents: Option<i32>,
    /// The language the patient's form opens in (a language tag: `de`, `en`).
    pub locale: String,
}

/// The new link, shown once: the token is not kept anywhere but in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedConsentLink {
    pub consent_id: String,
    pub link: String,
    pub qr: QrSvg,
    /// `YYYY-MM-DD` (UTC) of the last day the link works.
    pub valid_until: String,
}

#[server(endpoint = "consent_link_options")]
pub async fn consent_link_options() -> Result<LinkOptions, AppError> {
    server::options().await.map_err(crate::error::answered)
}

#[server(endpoint = "create_consent_link", input = server_fn::codec::Json)]
pub async fn create_consent_link(
    request: ConsentLinkRequest,
) -> Result<CreatedConsentLink, AppError> {
    server::create(request)
        .await
        .map_err(crate::error::answered)
}

/// Mails the link to the patient. `link` is the link as it was shown: holding it proves the
/// caller saw it, so an id alone cannot make the server mail anyone a link.
#[server(endpoint = "send_consent_link")]
pub async fn send_consent_link(
    consent_id: String,
    link: String,
    email: String,
) -> Result<(), AppError> {
    server::send(&consent_id, &link, &email)
        .await
        .map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use std::time::Duration;

    use domain::{AuditAction, Capability, ConsentStatus, Email};
    use uuid::Uuid;

    use super::{
        ConsentLinkRequest, CreatedConsentLink, LinkOptions, MAX_FEE_CENTS, MAX_VALID_DAYS,
    };
    use crate::auth::{require, Staff};
    use crate::error::AppError;
    use crate::i18n::display_date;
    use crate::mail::Mail;

    /// Link mails per practice and hour: plenty for a busy desk, little for a stolen session.
    const SEND_LIMIT: db::rate_limit::Limit = db::rate_limit::Limit {
        max_hits: 200,
        window: Duration::from_hours(1),
    };

    async fn settings(
        conn: &mut db::PgConnection,
        staff: &Staff,
    ) -> Result<db::practice_settings::PracticeDetails, AppError> {
        db::practice_settings::load(conn, staff.practice_id)
            .await?
            .ok_or_else(|| {
                tracing::error!(practice_id = %staff.practice_id, "practice without settings");
                AppError::Internal
            })
    }

    pub async fn options() -> Result<LinkOptions, AppError> {
        let staff = require(Capability::ManageConsentLinks)?;
        let mut conn = crate::error::db_pool()?.acquire().await?;
        let settings = settings(&mut conn, &staff).await?;
        Ok(LinkOptions {
            types: settings.enabled_consent_types,
            default_validity_days: settings.default_validity_days,
        })
    }

    pub async fn create(request: ConsentLinkRequest) -> Result<CreatedConsentLink, AppError> {
        let staff = require(Capability::ManageConsentLinks)?;
        if !(1..=MAX_VALID_DAYS).contains(&request.valid_days) {
            return Err(AppError::Validation(format!(
                "valid_days must be 1 to {MAX_VALID_DAYS}"
            )));
        }
        if request
            .fee_cents
            .is_some_and(|fee| !(0..=MAX_FEE_CENTS).contains(&fee))
        {
            return Err(AppError::Validation(format!(
                "fee_cents must be 0 to {MAX_FEE_CENTS}"
            )));
        }
        let locale = crate::i18n::Locale::from_tag(&request.locale)
            .ok_or_else(|| AppError::Validation("locale is not a language we offer".to_owned()))?;
        let pool = crate::error::db_pool()?;
        let mut tx = pool.begin().await?;
        // Without the practice's inbox key the patient's answers could not be sealed.
        if !db::vault::exists(&mut tx, staff.practice_id).await? {
            return Err(AppError::Conflict(
                "the practice vault is not set up yet".to_owned(),
            ));
        }
        if !settings(&mut tx, &staff)
            .await?
            .enabled_consent_types
            .contains(&request.kind)
        {
            return Err(AppError::Validation(
                "this consent type is not enabled in the practice settings".to_owned(),
            ));
        }
        // Another practice's patient answers exactly as an unknown id.
        let patient_id = match request.patient_id.as_deref().filter(|id| !id.is_empty()) {
            Some(id) => {
                let id: Uuid = id.parse().map_err(|_| AppError::NotFound)?;
                db::patient::one(&mut tx, staff.practice_id, id)
                    .await?
                    .ok_or(AppError::NotFound)?;
                Some(id)
            }
            None => None,
        };
        let token = crypto::Token::generate();
        let consent_id = db::consent::create_link(
            &mut tx,
            &db::consent::NewConsentLink {
                practice_id: staff.practice_id,
                patient_id,
                kind: request.kind,
                token_hash: token.hash().as_bytes(),
                valid_days: request.valid_days,
                fee_cents: request.fee_cents.filter(|fee| *fee > 0),
                locale: locale.tag(),
                created_by: staff.user_id,
            },
        )
        .await?;
        let metadata = serde_json::json!({
            "type": request.kind.as_str(),
            "valid_days": request.valid_days,
            "fee": request.fee_cents.is_some_and(|fee| fee > 0),
            "patient_known": patient_id.is_some(),
            "locale": locale.tag(),
        });
        staff
            .audit(
                &mut tx,
                AuditAction::ConsentCreated,
                ("consent_form", consent_id),
                metadata,
            )
            .await?;
        let expires_at = expiry_of(&mut tx, staff.practice_id, consent_id).await?;
        tx.commit().await?;
        let link = crate::mail::link("/c", Some(token.to_text().as_str()));
        Ok(CreatedConsentLink {
            consent_id: consent_id.to_string(),
            qr: crate::auth::qr_svg(&link)?,
            link,
            valid_until: expires_at.format("%Y-%m-%d").to_string(),
        })
    }

    /// When the link just made stops working (the database's clock decides).
    async fn expiry_of(
        conn: &mut db::PgConnection,
        practice_id: Uuid,
        consent_id: Uuid,
    ) -> Result<chrono::DateTime<chrono::Utc>, AppError> {
        db::consent::expiry(conn, practice_id, consent_id)
            .await?
            .ok_or(AppError::Internal)
    }

    /// The token in a link as `create` made it (`…/c#<token>`).
    fn token_of(link: &str) -> Option<crypto::Token> {
        let (path, token) = link.rsplit_once('#')?;
        if !path.ends_with("/c") {
            return None;
        }
        crypto::Token::from_text(token).ok()
    }

    pub async fn send(consent_id: &str, link: &str, email: &str) -> Result<(), AppError> {
        let staff = require(Capability::ManageConsentLinks)?;
        let to = Email::parse(email).map_err(|e| AppError::Validation(e.to_string()))?;
        let consent: Uuid = consent_id.parse().map_err(|_| AppError::NotFound)?;
        let token = token_of(link).ok_or(AppError::NotFound)?;
        let pool = crate::error::db_pool()?;
        let mut tx = pool.begin().await?;
        let open = db::consent::link_with_token(
            &mut tx,
            staff.practice_id,
            consent,
            token.hash().as_bytes(),
        )
        .await?
        .ok_or(AppError::NotFound)?;
        // Read again under the row lock: a fill or revocation committing meanwhile must not
        // leave a reminder queued for a link that is no longer open.
        let locked = db::consent_jobs::lock_link(&mut tx, staff.practice_id, consent)
            .await?
            .ok_or(AppError::NotFound)?;
        if locked.status != ConsentStatus::Pending || locked.expires_at <= chrono::Utc::now() {
            return Err(AppError::Conflict("this link is no longer open".to_owned()));
        }
        let bucket = format!("consent_link_mail:practice:{}", staff.practice_id);
        if let Some(retry_after_secs) = db::rate_limit::hit(&mut tx, &bucket, SEND_LIMIT).await? {
            return Err(AppError::RateLimited { retry_after_secs });
        }
        let locale = crate::i18n::Locale::from_tag(&open.locale).unwrap_or_default();
        let practice = db::practice::name(&mut tx, staff.practice_id).await?;
        let valid_until = display_date(locale, &locked.expires_at.format("%Y-%m-%d").to_string());
        let link = crate::mail::link("/c", Some(token.to_text().as_str()));
        let mail = Mail::ConsentLink {
            practice: practice.clone(),
            link: link.clone(),
            valid_until: valid_until.clone(),
        };
        crate::mail::queue_sealed(&mut tx, staff.practice_id, &to, &mail, locale).await?;
        let reminder = Mail::ConsentReminder {
            practice,
            link,
            valid_until,
        };
        queue_reminder(&mut tx, &staff, consent, &to, &reminder, locale).await?;
        staff
            .audit(
                &mut tx,
                AuditAction::ConsentLinkSent,
                ("consent_form", consent),
                serde_json::json!({}),
            )
            .await?;
        tx.commit().await?;
        crate::mail::wake();
        Ok(())
    }

    /// Queues the link's one reminder, if the practice wants reminders: now is the only time
    /// the server holds the link and the address (it keeps just the token's hash). The database
    /// skips it when the delay would end after the link has expired. It may wait for weeks, so
    /// address and body are sealed at rest under a key of the deployment secret (never in the
    /// database), bound to the new outbox row; the scheduler opens them just before sending.
    async fn queue_reminder(
        conn: &mut db::PgConnection,
        staff: &Staff,
        consent: Uuid,
        to: &Email,
        reminder: &Mail,
        locale: crate::i18n::Locale,
    ) -> Result<(), AppError> {
        let settings = settings(conn, staff).await?;
        if !settings.reminder_enabled {
            return Ok(());
        }
        let (subject, body) = reminder.render(locale);
        let sealed = crate::mail::SealedMail::new(to, &body)?;
        db::consent_jobs::queue_reminder(
            conn,
            &db::consent_jobs::NewReminder {
                id: sealed.id,
                practice_id: staff.practice_id,
                consent_id: consent,
                sealed_to_address: &sealed.to_address,
                subject: &subject,
                sealed_body_text: &sealed.body_text,
                delay_hours: settings.reminder_delay_hours,
            },
        )
        .await?;
        Ok(())
    }

    #[cfg(test)]
    mod tests {
        use super::token_of;

        #[test]
        fn only_a_consent_link_with_a_whole_token_is_accepted() {
            let token = crypto::Token::generate();
            let text = token.to_text();
            let link = format!("https://praxis.example/c#{}", text.as_str());
            assert_eq!(
                token_of(&link).map(|t| *t.hash().as_bytes()),
                Some(*token.hash().as_bytes())
            );
            assert!(
                token_of(&format!("https://praxis.example/invite#{}", text.as_str())).is_none()
            );
            assert!(token_of("https://praxis.example/c#abc").is_none());
            assert!(token_of("https://praxis.example/c").is_none());
        }
    }
}
