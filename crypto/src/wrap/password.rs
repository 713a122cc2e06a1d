//! Wraps under a staff password's wrap key: the master key (one row per staff member) and the
//! member's own X25519 private key. AAD binds practice and user, so a row copied to another user
//! or practice does not open.

use rand_core::CryptoRng;

use crate::envelope::codec::prefix;
use crate::envelope::wrapped::WrappedKey;
use crate::envelope::{KeyType, PasswordWrapEnvelope};
use crate::error::CryptoError;
use crate::hazmat::kdf::labels;
use crate::ids::{PracticeId, UserId};
use crate::keys::{MemberKeyPair, PracticeMasterKey};
use crate::password::WrapKey;
use crate::rng;
use crate::secret::Key32;

pub(crate) fn wrap_with(
    key: &Key32,
    wrapped: WrappedKey,
    wrap_key: &WrapKey,
    ids: (PracticeId, UserId),
    rng: &mut impl CryptoRng,
) -> PasswordWrapEnvelope {
    let mut envelope = PasswordWrapEnvelope {
        wrapped,
        params: wrap_key.params().numbers(),
        salt: *wrap_key.params().salt(),
        nonce: super::nonce(rng),
        ciphertext: [0; 48],
    };
    let aad = aad(&envelope, ids);
    envelope.ciphertext = super::seal_key(wrap_key.secret(), &envelope.nonce, key, &aad);
    envelope
}

fn unwrap(
    envelope: &PasswordWrapEnvelope,
    expected: KeyType,
    wrap_key: &WrapKey,
    ids: (PracticeId, UserId),
) -> Result<(Key32, u32), CryptoError> {
    let version = envelope.wrapped.expect(expected)?;
    // The floor applies even if the caller skipped `kdf_params()`.
    if envelope.kdf_params()? != *wrap_key.params() {
        return Err(CryptoError::KdfMismatch);
    }
    let aad = aad(envelope, ids);
    let key = super::open_key(
        wrap_key.secret(),
        &envelope.nonce,
        &envelope.ciphertext,
        &aad,
    )?;
    Ok((key, version))
}

fn aad(envelope: &PasswordWrapEnvelope, (practice, user): (PracticeId, UserId)) -> Vec<u8> {
    super::aad(
        labels::PASSWORD_WRAP,
        &prefix(envelope),
        &[practice.as_bytes(), user.as_bytes()],
    )
}

impl PracticeMasterKey {
    /// The staff member's own copy of the master key.
    pub fn wrap_with_password(&self, wrap_key: &WrapKey, user: UserId) -> PasswordWrapEnvelope {
        let wrapped = WrappedKey {
            key_type: KeyType::MasterKey,
            version: self.version(),
        };
        wrap_with(
            self.secret(),
            wrapped,
            wrap_key,
            (self.practice_id(), user),
            &mut rng::os(),
        )
    }

    pub fn unwrap_with_password(
        envelope: &PasswordWrapEnvelope,
        wrap_key: &WrapKey,
        practice: PracticeId,
        user: UserId,
    ) -> Result<Self, CryptoError> {
        let (key, version) = unwrap(envelope, KeyType::MasterKey, wrap_key, (practice, user))?;
        Ok(Self::from_parts(key, practice, version))
    }
}

impl MemberKeyPair {
    /// Keeps the member's private key (for receiving shares) under their password.
    pub fn wrap_with_password(
        &self,
        wrap_key: &WrapKey,
        practice: PracticeId,
        user: UserId,
    ) -> PasswordWrapEnvelope {
        let wrapped = WrappedKey {
            key_type: KeyType::MemberKey,
            version: self.version(),
        };
        wrap_with(
            self.secret(),
            wrapped,
            wrap_key,
            (practice, user),
            &mut rng::os(),
        )
    }

    pub fn unwrap_with_password(
        envelope: &PasswordWrapEnvelope,
        wrap_key: &WrapKey,
        practice: PracticeId,
        user: UserId,
    ) -> Result<Self, CryptoError> {
        let (key, version) = unwrap(envelope, KeyType::MemberKey, wrap_key, (practice, user))?;
        Self::from_secret(key, version).ok_or(CryptoError::Decrypt)
    }
}
