//! The patient's side of a consent link (DESIGN §5 steps 2–3), with no login: the link token
//! (sent in the request body, never in a URL) is the authorisation. The patient's browser
//! seals everything to the practice inbox key before it calls `save_consent_answers` or
//! `submit_consent`; the server checks the shape, the form version and the status machine,
//! and stores the envelope. A withdrawal token made in the browser lets the patient withdraw
//! later; the server keeps only its hash.

use std::collections::BTreeMap;

use domain::ConsentType;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// An open link, as the patient's page needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenConsent {
    pub consent_id: String,
    pub practice_id: String,
    pub practice_name: String,
    pub brand_color: String,
    pub kind: ConsentType,
    /// Language tag of the form (`de`, `en`).
    pub locale: String,
    pub fee_cents: Option<i32>,
    /// `YYYY-MM-DD` (UTC), the last day the link works.
    pub valid_until: String,
    pub inbox_public_key_hex: String,
    pub inbox_key_version: u32,
}

/// What a link shows when opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkState {
    Open(OpenConsent),
    /// Already signed and sent (the first submission stays as it was).
    Submitted {
        practice_name: String,
    },
    Expired {
        practice_name: String,
    },
    Withdrawn {
        practice_name: String,
    },
    /// No consent has this link (mistyped, or cut off when copied).
    Unknown,
}

/// A submission sealed in the patient's browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedSubmission {
    /// Chosen by the browser; the AAD binds it, and a retry of the same one is accepted.
    pub submission_id: String,
    pub envelope: String,
    /// Hex of the SHA-256 of the exact form shown.
    pub form_hash_hex: String,
    /// When each step was finished in the patient's browser (`step` → RFC 3339), evidence
    /// that holds nothing about the person.
    pub steps: BTreeMap<String, String>,
}

/// What a withdrawal link shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum WithdrawalState {
    /// The consent can be withdrawn.
    Possible {
        practice_name: String,
        kind: ConsentType,
        locale: String,
        signed_on: Option<String>,
    },
    AlreadyWithdrawn {
        practice_name: String,
    },
    /// Completed (treatment documented): the practice must be asked directly.
    AskThePractice {
        practice_name: String,
    },
    Unknown,
}

#[server(endpoint = "open_consent_link")]
pub async fn open_consent_link(token: String) -> Result<LinkState, AppError> {
    server::open(&token).await.map_err(crate::error::answered)
}

/// Answers saved before the signature (status FILLED).
#[server(endpoint = "save_consent_answers", input = server_fn::codec::Json)]
pub async fn save_consent_answers(token: String, sealed: SealedSubmission) -> Result<(), AppError> {
    server::save(&token, sealed)
        .await
        .map_err(crate::error::answered)
}

/// The signed submission (status SIGNED). A second, different submission is refused and the
/// first stays as it was.
#[server(endpoint = "submit_consent", input = server_fn::codec::Json)]
pub async fn submit_consent(
    token: String,
    sealed: SealedSubmission,
    withdrawal_token_hash_hex: String,
) -> Result<(), AppError> {
    server::submit(&token, sealed, &withdrawal_token_hash_hex)
        .await
        .map_err(crate::error::answered)
}

#[server(endpoint = "withdrawal_details")]
pub async fn withdrawal_details(token: String) -> Result<WithdrawalState, AppError> {
    server::withdrawal_details(&token)
        .await
        .map_err(crate::error::answered)
}

#[server(endpoint = "withdraw_consent")]
pub async fn withdraw_consent(token: String) -> Result<(), AppError> {
    server::withdraw(&token)
        .await
        .map_err(crate::error::answered)
}

/// The patient's withdrawal link for a token made in their browser (`/c/widerruf#<token>`).
pub fn withdrawal_link(token: &str) -> String {
    #[cfg(feature = "hydrate")]
    let origin = window().location().origin().unwrap_or_default();
    #[cfg(not(feature = "hydrate"))]
    let origin = String::new();
    format!("{origin}/c/widerruf#{token}")
}

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes
        .iter()
        .flat_map(|b| [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 0x0f)]])
        .map(char::from)
        .collect()
}

/// 32 bytes from 64 hex digits.
pub fn hex32(text: &str) -> Option<[u8; 32]> {
    let bytes = text.as_bytes();
    if bytes.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, pair) in bytes.chunks(2).enumerate() {
        out[i] = u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()?;
    }
    Some(out)
}

#[cfg(feature = "ssr")]
mod server {
    use std::time::Duration;

    use domain::{AuditAction, ConsentEvent, ConsentStatus, Fee};
    use uuid::Uuid;

    use super::{hex, hex32, LinkState, OpenConsent, SealedSubmission, WithdrawalState};
    use crate::auth::{client_network, rate_limits};
    use crate::error::AppError;

    /// Per network: patients in one practice's Wi-Fi share it, guessing a 256-bit token is
    /// hopeless anyway; this only bounds load.
    const PATIENT_LINK: db::rate_limit::Limit = db::rate_limit::Limit {
        max_hits: 300,
        window: Duration::from_mins(5),
    };
    /// A signature image and its strokes fit easily; anything larger is not a submission.
    const MAX_ENVELOPE_CHARS: usize = 1024 * 1024;
    const MAX_STEPS: usize = 20;
    /// The steps of the patient's form whose finishing times are kept as evidence.
    const STEP_NAMES: [&str; 7] = [
        "intro",
        "personal",
        "questions",
        "information",
        "check",
        "signature",
        "review",
    ];

    fn token_hash(token: &str) -> Result<[u8; 32], AppError> {
        crypto::Token::from_text(token.trim())
            .map(|t| *t.hash().as_bytes())
            .map_err(|_| AppError::NotFound)
    }

    fn fee(fee_cents: Option<i32>) -> Fee {
        if fee_cents.is_some_and(|f| f > 0) {
            Fee::Due
        } else {
            Fee::None
        }
    }

    pub async fn open(token: &str) -> Result<LinkState, AppError> {
        let pool = crate::error::db_pool()?;
        rate_limits::check(&pool, "consent_link", PATIENT_LINK).await?;
        let Ok(hash) = token_hash(token) else {
            return Ok(LinkState::Unknown);
        };
        let mut conn = pool.acquire().await?;
        let Some(link) = db::consent::by_link_token(&mut conn, &hash).await? else {
            return Ok(LinkState::Unknown);
        };
        let practice_name = link.practice_name.clone();
        Ok(match link.status {
            ConsentStatus::Revoked => LinkState::Withdrawn { practice_name },
            s if s.is_signed() => LinkState::Submitted { practice_name },
            ConsentStatus::Expired => LinkState::Expired { practice_name },
            _ if link.expires_at <= chrono::Utc::now() => LinkState::Expired { practice_name },
            _ => LinkState::Open(OpenConsent {
                consent_id: link.id.to_string(),
                practice_id: link.practice_id.to_string(),
                practice_name,
                brand_color: link.brand_color,
                kind: link.kind,
                locale: link.locale,
                fee_cents: link.fee_cents,
                valid_until: link.expires_at.format("%Y-%m-%d").to_string(),
                inbox_public_key_hex: hex(&link.inbox_public_key),
                inbox_key_version: u32::try_from(link.inbox_key_version)
                    .map_err(|_| AppError::Internal)?,
            }),
        })
    }

    /// A submission checked for shape and bound to this consent's form; the evidence kept
    /// beside it (form version, step times, when it arrived).
    struct Checked {
        submission_id: Uuid,
        form_hash: [u8; 32],
        inbox_key_version: i32,
        evidence: serde_json::Value,
    }

    fn check(
        link: &db::consent::LinkForPatient,
        sealed: &SealedSubmission,
    ) -> Result<Checked, AppError> {
        let invalid = |what: &str| AppError::Validation(format!("{what} is not valid"));
        let submission_id: Uuid = sealed
            .submission_id
            .parse()
            .map_err(|_| invalid("submission id"))?;
        if sealed.envelope.len() > MAX_ENVELOPE_CHARS {
            return Err(invalid("submission (too large)"));
        }
        let envelope = crypto::SubmissionEnvelope::from_text(&sealed.envelope)
            .map_err(|_| invalid("submission envelope"))?;
        let current = u32::try_from(link.inbox_key_version).map_err(|_| AppError::Internal)?;
        if envelope.inbox_key_version() != current {
            // The practice rotated its keys while the form was open: seal again.
            return Err(AppError::Conflict(
                "the practice's key changed; reload the page".to_owned(),
            ));
        }
        let form_hash = hex32(&sealed.form_hash_hex).ok_or_else(|| invalid("form hash"))?;
        // The link names the language staff chose; the patient may switch on the first page,
        // so the current form of this treatment in any language is accepted, and the evidence
        // records the one shown.
        let Some((locale, form)) = crate::forms::form_with_hash(link.kind, &form_hash) else {
            return Err(AppError::Conflict(
                "the form changed; reload the page".to_owned(),
            ));
        };
        if sealed.steps.len() > MAX_STEPS
            || sealed.steps.iter().any(|(k, v)| {
                !STEP_NAMES.contains(&k.as_str())
                    || v.len() > 40
                    || chrono::DateTime::parse_from_rfc3339(v).is_err()
            })
        {
            return Err(invalid("step times"));
        }
        Ok(Checked {
            submission_id,
            form_hash,
            inbox_key_version: link.inbox_key_version,
            evidence: serde_json::json!({
                "form_version": form.version,
                "locale": locale.tag(),
                "steps": sealed.steps,
                "received_at": chrono::Utc::now().to_rfc3339(),
            }),
        })
    }

    fn refused(status: ConsentStatus, expired_by_time: bool) -> AppError {
        let what = match status {
            ConsentStatus::Revoked => "withdrawn",
            s if s.is_signed() => "already submitted",
            _ if expired_by_time => "expired",
            ConsentStatus::Expired => "expired",
            _ => "not open",
        };
        AppError::Conflict(format!("this consent link is {what}"))
    }

    pub async fn save(token: &str, sealed: SealedSubmission) -> Result<(), AppError> {
        let pool = crate::error::db_pool()?;
        rate_limits::check(&pool, "consent_link", PATIENT_LINK).await?;
        let hash = token_hash(token)?;
        let mut tx = pool.begin().await?;
        let link = db::consent::by_link_token(&mut tx, &hash)
            .await?
            .ok_or(AppError::NotFound)?;
        let expired = link.expires_at <= chrono::Utc::now();
        let next = link
            .status
            .after(ConsentEvent::AnswersSaved, fee(link.fee_cents))
            .map_err(|_| refused(link.status, expired))?;
        if expired {
            return Err(refused(link.status, true));
        }
        let checked = check(&link, &sealed)?;
        let saved = db::consent::save_answers(
            &mut tx,
            &db::consent::SealedAnswers {
                consent_id: link.id,
                envelope: &sealed.envelope,
                inbox_key_version: checked.inbox_key_version,
                form_version_hash: &checked.form_hash,
                submission_id: checked.submission_id,
                evidence: checked.evidence,
            },
            next,
        )
        .await?;
        if !saved {
            return Err(refused(ConsentStatus::Signed, false));
        }
        tx.commit().await?;
        Ok(())
    }

    async fn audit(
        conn: &mut db::PgConnection,
        practice_id: Uuid,
        action: AuditAction,
        consent: Uuid,
        metadata: serde_json::Value,
    ) -> Result<(), AppError> {
        let network = client_network();
        db::audit::append(
            conn,
            &db::audit::NewAuditEntry {
                practice_id,
                action,
                entity: Some(("consent_form", consent)),
                actor_user_id: None,
                ip_truncated: network.as_deref(),
                metadata,
            },
        )
        .await?;
        Ok(())
    }

    pub async fn submit(
        token: &str,
        sealed: SealedSubmission,
        withdrawal_token_hash_hex: &str,
    ) -> Result<(), AppError> {
        let pool = crate::error::db_pool()?;
        rate_limits::check(&pool, "consent_link", PATIENT_LINK).await?;
        let hash = token_hash(token)?;
        let withdrawal = hex32(withdrawal_token_hash_hex)
            .ok_or_else(|| AppError::Validation("withdrawal token hash is not valid".to_owned()))?;
        let mut tx = pool.begin().await?;
        let link = db::consent::by_link_token(&mut tx, &hash)
            .await?
            .ok_or(AppError::NotFound)?;
        // A retry of the submission that already arrived (the answer got lost on the way).
        if link.status.is_signed()
            && link.submission_id.map(|id| id.to_string()) == Some(sealed.submission_id.clone())
        {
            return Ok(());
        }
        let expired = link.expires_at <= chrono::Utc::now();
        let next = link
            .status
            .after(ConsentEvent::Signed, fee(link.fee_cents))
            .map_err(|_| refused(link.status, expired))?;
        if expired {
            return Err(refused(link.status, true));
        }
        let checked = check(&link, &sealed)?;
        let form_version = checked.evidence["form_version"].clone();
        let signed = db::consent::sign(
            &mut tx,
            &db::consent::SealedAnswers {
                consent_id: link.id,
                envelope: &sealed.envelope,
                inbox_key_version: checked.inbox_key_version,
                form_version_hash: &checked.form_hash,
                submission_id: checked.submission_id,
                evidence: checked.evidence,
            },
            &withdrawal,
            next,
        )
        .await?;
        if !signed {
            return Err(refused(ConsentStatus::Signed, false));
        }
        audit(
            &mut tx,
            link.practice_id,
            AuditAction::ConsentSigned,
            link.id,
            serde_json::json!({ "form_version": form_version, "by": "patient" }),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn withdrawal_details(token: &str) -> Result<WithdrawalState, AppError> {
        let pool = crate::error::db_pool()?;
        rate_limits::check(&pool, "consent_link", PATIENT_LINK).await?;
        let Ok(hash) = token_hash(token) else {
            return Ok(WithdrawalState::Unknown);
        };
        let mut tx = pool.begin().await?;
        let Some(found) = db::consent::by_withdrawal_token(&mut tx, &hash).await? else {
            return Ok(WithdrawalState::Unknown);
        };
        tx.commit().await?;
        let practice_name = found.practice_name;
        Ok(match found.status {
            ConsentStatus::Revoked => WithdrawalState::AlreadyWithdrawn { practice_name },
            s if s.after(ConsentEvent::Revoked, fee(found.fee_cents)).is_ok() => {
                WithdrawalState::Possible {
                    practice_name,
                    kind: found.kind,
                    locale: found.locale,
                    signed_on: found.signed_at.map(|t| t.format("%Y-%m-%d").to_string()),
                }
            }
            _ => WithdrawalState::AskThePractice { practice_name },
        })
    }

    pub async fn withdraw(token: &str) -> Result<(), AppError> {
        let pool = crate::error::db_pool()?;
        rate_limits::check(&pool, "consent_link", PATIENT_LINK).await?;
        let hash = token_hash(token)?;
        let mut tx = pool.begin().await?;
        let found = db::consent::by_withdrawal_token(&mut tx, &hash)
            .await?
            .ok_or(AppError::NotFound)?;
        if found.status == ConsentStatus::Revoked {
            return Ok(());
        }
        found
            .status
            .after(ConsentEvent::Revoked, fee(found.fee_cents))
            .map_err(|_| {
                AppError::Conflict("this consent is completed; ask the practice".to_owned())
            })?;
        db::consent::revoke(&mut tx, found.id, true).await?;
        audit(
            &mut tx,
            found.practice_id,
            AuditAction::ConsentRevoked,
            found.id,
            serde_json::json!({ "by": "patient" }),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{hex, hex32};

    #[test]
    fn hex_round_trips_and_refuses_what_is_not_32_bytes() {
        let bytes: [u8; 32] = core::array::from_fn(|i| u8::try_from(i * 7 % 256).unwrap_or(0));
        assert_eq!(hex32(&hex(&bytes)), Some(bytes));
        assert_eq!(hex(&[0x00, 0xab, 0xff]), "00abff");
        assert_eq!(hex32("00"), None);
        assert_eq!(hex32(&"zz".repeat(32)), None);
        assert_eq!(hex32(&"é".repeat(32)), None);
    }
}
