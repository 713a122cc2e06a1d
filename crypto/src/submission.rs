//! Patient submissions (DESIGN §4.3): sealed in the patient's browser or the kiosk to the practice
//! inbox public key with HPKE, opened only by staff holding the inbox private key.
//!
//! HPKE `info` = label ‖ practice id ‖ inbox key version, so a ciphertext made for one practice or
//! key version does not open under another. AAD = envelope header ‖ consent id ‖ form hash ‖
//! submission id, so the server cannot move a submission to another consent, claim it answered
//! another form version, or replay it under a second submission id.

use rand_core::CryptoRng;
use zeroize::Zeroizing;

use crate::envelope::codec::prefix;
use crate::envelope::SubmissionEnvelope;
use crate::error::CryptoError;
use crate::hazmat::hpke;
use crate::hazmat::kdf::labels;
use crate::ids::{ConsentId, FormHash, PracticeId, SubmissionId};
use crate::keys::{InboxKeyPair, InboxPublicKey};
use crate::rng;

/// What a submission is bound to. All four must match when it is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubmissionContext {
    pub practice_id: PracticeId,
    pub consent_id: ConsentId,
    pub form_hash: FormHash,
    pub submission_id: SubmissionId,
}

impl SubmissionContext {
    fn info(&self, key_version: u32) -> Vec<u8> {
        let mut info = labels::SUBMISSION.to_vec();
        info.extend_from_slice(self.practice_id.as_bytes());
        info.extend_from_slice(&key_version.to_be_bytes());
        info
    }

    fn aad(&self, envelope: &SubmissionEnvelope) -> Vec<u8> {
        let mut aad = prefix(envelope);
        aad.extend_from_slice(self.consent_id.as_bytes());
        aad.extend_from_slice(self.form_hash.as_bytes());
        aad.extend_from_slice(self.submission_id.as_bytes());
        aad
    }
}

impl InboxPublicKey {
    /// Seals a submission (any bytes: the app's serialized answers, signature, evidence).
    pub fn seal_submission(
        &self,
        plaintext: &[u8],
        context: &SubmissionContext,
    ) -> Result<SubmissionEnvelope, CryptoError> {
        self.seal_submission_with(plaintext, context, &mut rng::os())
    }

    pub(crate) fn seal_submission_with(
        &self,
        plaintext: &[u8],
        context: &SubmissionContext,
        rng: &mut impl CryptoRng,
    ) -> Result<SubmissionEnvelope, CryptoError> {
        let mut envelope = SubmissionEnvelope {
            key_version: self.version(),
            enc: [0; 32],
            ciphertext: Vec::new(),
        };
        let aad = context.aad(&envelope);
        let (enc, ciphertext) = hpke::seal(
            self.as_raw(),
            &context.info(self.version()),
            plaintext,
            &aad,
            rng,
        )?;
        envelope.enc = enc;
        envelope.ciphertext = ciphertext;
        Ok(envelope)
    }
}

impl InboxKeyPair {
    pub fn open_submission(
        &self,
        envelope: &SubmissionEnvelope,
        context: &SubmissionContext,
    ) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
        if envelope.key_version != self.version() {
            return Err(CryptoError::KeyVersion {
                envelope: envelope.key_version,
                key: self.version(),
            });
        }
        let info = context.info(self.version());
        hpke::open(
            self.secret(),
            &envelope.enc,
            &info,
            &envelope.ciphertext,
            &context.aad(envelope),
        )
    }
}
