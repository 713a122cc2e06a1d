//! The TOTP secret at rest. AES-256-GCM under a key derived (HKDF-SHA256) from the deployment
//! secret (`DERMA_SERVER_SECRET`), with a fresh random nonce; the associated data binds the
//! practice and the member, so a sealed secret copied to another account does not open.
//!
//! Layout (49 bytes): `version (1) ‖ nonce (12) ‖ ciphertext (20) ‖ tag (16)`, version 1.

use core::fmt;

use rand_core::CryptoRng;

use super::{TotpSecret, TOTP_SECRET_LEN};
use crate::error::CryptoError;
use crate::hazmat::aead::{self, NONCE_LEN, TAG_LEN};
use crate::hazmat::kdf::{self, labels};
use crate::ids::{PracticeId, UserId};
use crate::rng;
use crate::secret::Key32;

const VERSION: u8 = 1;
const SEALED_LEN: usize = 1 + NONCE_LEN + TOTP_SECRET_LEN + TAG_LEN;

/// The key that seals TOTP secrets, derived from the deployment secret. Prints as `***`.
pub struct TotpSealKey(Key32);

impl TotpSealKey {
    pub fn derive(server_secret: &[u8; 32]) -> Self {
        Self(kdf::derive(&[], server_secret, &[labels::TOTP_SEAL]))
    }
}

impl fmt::Debug for TotpSealKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TotpSealKey(***)")
    }
}

fn aad(practice: PracticeId, user: UserId) -> Vec<u8> {
    [
        labels::TOTP_SEAL,
        &[VERSION],
        practice.as_bytes(),
        user.as_bytes(),
    ]
    .concat()
}

impl TotpSecret {
    /// The bytes to store for this member.
    pub fn seal(&self, key: &TotpSealKey, practice: PracticeId, user: UserId) -> Vec<u8> {
        self.seal_with(&mut rng::os(), key, practice, user)
    }

    pub(crate) fn seal_with(
        &self,
        rng: &mut impl CryptoRng,
        key: &TotpSealKey,
        practice: PracticeId,
        user: UserId,
    ) -> Vec<u8> {
        let nonce: [u8; NONCE_LEN] = rng::array(rng);
        let sealed = aead::seal(key.0.expose(), &nonce, &self.0[..], &aad(practice, user));
        [&[VERSION][..], &nonce, &sealed].concat()
    }

    /// Opens what [`TotpSecret::seal`] stored for this member.
    pub fn open(
        sealed: &[u8],
        key: &TotpSealKey,
        practice: PracticeId,
        user: UserId,
    ) -> Result<Self, CryptoError> {
        if sealed.len() != SEALED_LEN || sealed[0] != VERSION {
            return Err(CryptoError::Decrypt);
        }
        let nonce: &[u8; NONCE_LEN] = sealed[1..=NONCE_LEN]
            .try_into()
            .map_err(|_| CryptoError::Decrypt)?;
        let plain = aead::open(
            key.0.expose(),
            nonce,
            &sealed[1 + NONCE_LEN..],
            &aad(practice, user),
        )?;
        let array: &[u8; TOTP_SECRET_LEN] = plain
            .as_slice()
            .try_into()
            .map_err(|_| CryptoError::Decrypt)?;
        Ok(Self(Box::new(*array)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{hex, TestRng};

    fn ids() -> (PracticeId, UserId) {
        (PracticeId::from_bytes([1; 16]), UserId::from_bytes([2; 16]))
    }

    #[test]
    fn sealed_secrets_open_only_for_their_member_and_key() {
        let key = TotpSealKey::derive(&[9; 32]);
        let (practice, user) = ids();
        let secret = TotpSecret::generate();
        let sealed = secret.seal(&key, practice, user);
        assert_eq!(sealed.len(), SEALED_LEN);
        let opened = TotpSecret::open(&sealed, &key, practice, user).expect("opens");
        assert_eq!(opened.0, secret.0);
        let other_user = UserId::from_bytes([3; 16]);
        assert!(TotpSecret::open(&sealed, &key, practice, other_user).is_err());
        let other_key = TotpSealKey::derive(&[8; 32]);
        assert!(TotpSecret::open(&sealed, &other_key, practice, user).is_err());
        let mut flipped = sealed.clone();
        flipped[20] ^= 1;
        assert!(TotpSecret::open(&flipped, &key, practice, user).is_err());
        let mut version = sealed;
        version[0] = 2;
        assert!(TotpSecret::open(&version, &key, practice, user).is_err());
        assert!(TotpSecret::open(&[], &key, practice, user).is_err());
        assert_eq!(format!("{key:?}"), "TotpSealKey(***)");
    }

    #[test]
    fn golden_vector() {
        let key = TotpSealKey::derive(&[9; 32]);
        let (practice, user) = ids();
        let secret = TotpSecret(Box::new(*b"12345678901234567890"));
        let sealed = secret.seal_with(&mut TestRng::new(11), &key, practice, user);
        assert_eq!(hex(&sealed), GOLDEN);
        let opened = TotpSecret::open(&crate::testing::unhex(GOLDEN), &key, practice, user)
            .expect("the frozen format still opens");
        assert_eq!(&opened.0[..], b"12345678901234567890");
    }

    const GOLDEN: &str = "01b5b9498a434b6390c47df7dd2133df8e98d6973d688fe6ba8d88192d750472a439a93eb149b319323014c07cc6f04d47";
}
