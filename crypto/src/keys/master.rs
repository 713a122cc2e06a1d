//! The Practice Master Key (PMK): 32 random bytes generated in an admin's browser, a
//! key-encryption key only. It wraps the inbox private key, the blind-index key, content keys and
//! older master keys, and is itself wrapped per staff member (password), once for the recovery
//! sheet, and sealed to new members. It knows its practice and version, which every wrap binds.
//!
//! Not `Clone`: share it with `Rc`/`Arc` so there is one copy to zeroize when the vault locks.

use core::fmt;

use rand_core::CryptoRng;

use crate::hazmat::kdf::{self, labels};
use crate::ids::PracticeId;
use crate::rng;
use crate::secret::Key32;

pub struct PracticeMasterKey {
    key: Key32,
    practice_id: PracticeId,
    version: u32,
}

impl PracticeMasterKey {
    /// A fresh master key from the platform CSPRNG.
    pub fn generate(practice_id: PracticeId, version: u32) -> Self {
        Self::generate_with(practice_id, version, &mut rng::os())
    }

    pub(crate) fn generate_with(
        practice_id: PracticeId,
        version: u32,
        rng: &mut impl CryptoRng,
    ) -> Self {
        Self::from_parts(Key32::random(rng), practice_id, version)
    }

    pub(crate) fn from_parts(key: Key32, practice_id: PracticeId, version: u32) -> Self {
        Self {
            key,
            practice_id,
            version,
        }
    }

    pub fn practice_id(&self) -> PracticeId {
        self.practice_id
    }

    pub fn version(&self) -> u32 {
        self.version
    }

    pub(crate) fn secret(&self) -> &Key32 {
        &self.key
    }

    /// The AES key for wraps under this master key: HKDF, never the master key itself.
    pub(crate) fn wrapping_key(&self) -> Key32 {
        kdf::derive(
            self.practice_id.as_bytes(),
            self.key.expose(),
            &[labels::MASTER_KEY_WRAP],
        )
    }
}

impl fmt::Debug for PracticeMasterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PracticeMasterKey")
            .field("practice_id", &self.practice_id)
            .field("version", &self.version)
            .field("key", &self.key)
            .finish()
    }
}
