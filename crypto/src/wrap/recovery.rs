//! The master key under the printed 256-bit recovery code (the practice's emergency sheet).
//! The code is high-entropy, so HKDF (salt = practice id) is enough; no Argon2id needed.

use rand_core::CryptoRng;

use crate::envelope::codec::prefix;
use crate::envelope::wrapped::WrappedKey;
use crate::envelope::{KeyType, RecoveryWrapEnvelope};
use crate::error::CryptoError;
use crate::hazmat::kdf::{self, labels};
use crate::ids::PracticeId;
use crate::keys::PracticeMasterKey;
use crate::recovery_code::RecoveryCode;
use crate::rng;
use crate::secret::Key32;

fn kek(code: &RecoveryCode, practice: PracticeId) -> Key32 {
    kdf::derive(
        practice.as_bytes(),
        code.secret().expose(),
        &[labels::RECOVERY_WRAP],
    )
}

fn aad(envelope: &RecoveryWrapEnvelope, practice: PracticeId) -> Vec<u8> {
    super::aad(
        labels::RECOVERY_WRAP,
        &prefix(envelope),
        &[practice.as_bytes()],
    )
}

impl PracticeMasterKey {
    pub fn wrap_with_recovery_code(&self, code: &RecoveryCode) -> RecoveryWrapEnvelope {
        self.wrap_with_recovery_code_with(code, &mut rng::os())
    }

    pub(crate) fn wrap_with_recovery_code_with(
        &self,
        code: &RecoveryCode,
        rng: &mut impl CryptoRng,
    ) -> RecoveryWrapEnvelope {
        let mut envelope = RecoveryWrapEnvelope {
            wrapped: WrappedKey {
                key_type: KeyType::MasterKey,
                version: self.version(),
            },
            nonce: super::nonce(rng),
            ciphertext: [0; 48],
        };
        let aad = aad(&envelope, self.practice_id());
        let kek = kek(code, self.practice_id());
        envelope.ciphertext = super::seal_key(&kek, &envelope.nonce, self.secret(), &aad);
        envelope
    }

    pub fn unwrap_with_recovery_code(
        envelope: &RecoveryWrapEnvelope,
        code: &RecoveryCode,
        practice: PracticeId,
    ) -> Result<Self, CryptoError> {
        let version = envelope.wrapped.expect(KeyType::MasterKey)?;
        let aad = aad(envelope, practice);
        let key = super::open_key(
            &kek(code, practice),
            &envelope.nonce,
            &envelope.ciphertext,
            &aad,
        )?;
        Ok(Self::from_parts(key, practice, version))
    }
}
