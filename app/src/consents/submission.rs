//! What a patient submits, sealed in their browser to the practice inbox key (DESIGN §4.3):
//! personal details, answers, the comprehension check, the signature (image and strokes) and
//! the form version. Only staff holding the inbox private key open it; the seal is bound to
//! practice, inbox key version, consent, form hash and submission id.

use std::collections::BTreeMap;

use crypto::{
    ConsentId, CryptoError, FormHash, InboxKeyPair, InboxPublicKey, PracticeId, SubmissionContext,
    SubmissionEnvelope, SubmissionId,
};
use serde::{Deserialize, Serialize};

use super::patient::{hex32, OpenConsent};
use crate::forms::QuestionnaireAnswers;

/// The patient as they describe themselves (matched to a patient record by staff later).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PersonalDetails {
    pub first_name: String,
    pub last_name: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// The handwritten signature: what it looked like (PNG) and how it was drawn (strokes of
/// `[x, y, milliseconds since the first touch]`, in canvas pixels), as evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    pub png_data_url: String,
    pub width: u32,
    pub height: u32,
    pub strokes: Vec<Vec<[i32; 3]>>,
}

/// Everything sealed in one submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentAnswers {
    pub personal: PersonalDetails,
    pub questionnaire: QuestionnaireAnswers,
    /// Comprehension item id → the option chosen (the last try).
    pub comprehension: BTreeMap<String, String>,
    /// The patient confirmed having read the information sections.
    pub information_read: bool,
    /// `None` while answers are only saved before the signature.
    pub signature: Option<Signature>,
    pub form_version: String,
    /// The fee shown to the patient, in cents.
    pub fee_cents_shown: Option<i32>,
}

fn uuid16(text: &str) -> Result<[u8; 16], CryptoError> {
    crate::vault::uuid_bytes(text).ok_or(CryptoError::Decrypt)
}

fn context(
    practice_id: &str,
    consent_id: &str,
    form_hash: FormHash,
    submission_id: &str,
) -> Result<SubmissionContext, CryptoError> {
    Ok(SubmissionContext {
        practice_id: PracticeId::from_bytes(uuid16(practice_id)?),
        consent_id: ConsentId::from_bytes(uuid16(consent_id)?),
        form_hash,
        submission_id: SubmissionId::from_bytes(uuid16(submission_id)?),
    })
}

impl ConsentAnswers {
    /// Seals these answers for `open`'s practice; returns the envelope text.
    pub fn seal(
        &self,
        open: &OpenConsent,
        form_hash: FormHash,
        submission_id: &str,
    ) -> Result<String, CryptoError> {
        let raw = hex32(&open.inbox_public_key_hex).ok_or(CryptoError::Decrypt)?;
        let inbox = InboxPublicKey::from_raw(raw, open.inbox_key_version);
        let plaintext = serde_json::to_vec(self).map_err(|_| CryptoError::Decrypt)?;
        let context = context(
            &open.practice_id,
            &open.consent_id,
            form_hash,
            submission_id,
        )?;
        Ok(inbox.seal_submission(&plaintext, &context)?.to_text())
    }

    /// Opens a submission with the practice inbox key (in a staff browser).
    pub fn open(
        inbox: &InboxKeyPair,
        envelope: &str,
        practice_id: &str,
        consent_id: &str,
        form_hash: FormHash,
        submission_id: &str,
    ) -> Result<Self, CryptoError> {
        let envelope = SubmissionEnvelope::from_text(envelope)?;
        let context = context(practice_id, consent_id, form_hash, submission_id)?;
        let plain = inbox.open_submission(&envelope, &context)?;
        serde_json::from_slice(&plain).map_err(|_| CryptoError::Decrypt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consents::hex;
    use domain::ConsentType;

    fn open_for(inbox: &InboxKeyPair) -> OpenConsent {
        OpenConsent {
            consent_id: crypto::ConsentId::generate().to_uuid_text(),
            practice_id: crypto::PracticeId::generate().to_uuid_text(),
            practice_name: "Praxis".to_owned(),
            brand_color: "#2f6f62".to_owned(),
            kind: ConsentType::Botox,
            locale: "de".to_owned(),
            fee_cents: None,
            valid_until: "2026-12-11".to_owned(),
            inbox_public_key_hex: hex(inbox.public_key().as_raw()),
            inbox_key_version: inbox.version(),
        }
    }

    fn answers() -> ConsentAnswers {
        ConsentAnswers {
            personal: PersonalDetails {
                first_name: "Quirinella".to_owned(),
                last_name: "Zwetschgenbaum".to_owned(),
                birth_date: "1979-05-17".to_owned(),
                email: None,
                phone: Some("+49 170 0000000".to_owned()),
            },
            questionnaire: QuestionnaireAnswers::default(),
            comprehension: BTreeMap::new(),
            information_read: true,
            signature: None,
            form_version: "botox-de-test".to_owned(),
            fee_cents_shown: Some(25_000),
        }
    }

    #[test]
    fn sealed_in_the_browser_opened_by_the_practice_only_for_the_same_consent_and_form() {
        let inbox = InboxKeyPair::generate(3);
        let open = open_for(&inbox);
        let form = FormHash::of(b"form v1");
        let submission = crypto::SubmissionId::generate().to_uuid_text();
        let sealed = answers().seal(&open, form, &submission).expect("seal");
        assert!(!sealed.contains("Zwetschgenbaum"));
        let opened = ConsentAnswers::open(
            &inbox,
            &sealed,
            &open.practice_id,
            &open.consent_id,
            form,
            &submission,
        )
        .expect("open");
        assert_eq!(opened, answers());
        let other = crypto::ConsentId::generate().to_uuid_text();
        for (consent, form_hash, sub) in [
            (other.as_str(), form, submission.as_str()),
            (
                open.consent_id.as_str(),
                FormHash::of(b"form v2"),
                submission.as_str(),
            ),
            (open.consent_id.as_str(), form, other.as_str()),
        ] {
            assert!(ConsentAnswers::open(
                &inbox,
                &sealed,
                &open.practice_id,
                consent,
                form_hash,
                sub
            )
            .is_err());
        }
        let stranger = InboxKeyPair::generate(3);
        assert!(ConsentAnswers::open(
            &stranger,
            &sealed,
            &open.practice_id,
            &open.consent_id,
            form,
            &submission
        )
        .is_err());
    }
}
