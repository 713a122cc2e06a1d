//! Staff-authored data (DESIGN §4.3): patient fields typed by staff, treatment plans, photos,
//! PDFs. Each object gets a fresh random content key, wrapped by the master key
//! ([`PracticeMasterKey::wrap_content_key`](crate::PracticeMasterKey::wrap_content_key)) and
//! stored next to it; deleting that wrap crypto-shreds the object. The content key encrypts each
//! field with AES-256-GCM and a random nonce; AAD = envelope header ‖ practice id ‖ object id ‖
//! field name, so a ciphertext cannot be moved to another record or another column.

use core::fmt;

use rand_core::CryptoRng;
use zeroize::Zeroizing;

use crate::envelope::codec::prefix;
use crate::envelope::ObjectEnvelope;
use crate::error::CryptoError;
use crate::hazmat::aead;
use crate::hazmat::kdf::labels;
use crate::ids::{ObjectId, PracticeId};
use crate::rng;
use crate::secret::Key32;

/// Which record and which field a ciphertext belongs to (e.g. `field: "patient.last_name"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ObjectContext<'a> {
    pub practice_id: PracticeId,
    pub object_id: ObjectId,
    pub field: &'a str,
}

impl ObjectContext<'_> {
    fn aad(&self, envelope: &ObjectEnvelope) -> Vec<u8> {
        let field = self.field.as_bytes();
        let mut aad = labels::OBJECT.to_vec();
        aad.extend_from_slice(&prefix(envelope));
        aad.extend_from_slice(self.practice_id.as_bytes());
        aad.extend_from_slice(self.object_id.as_bytes());
        aad.extend_from_slice(&u32::try_from(field.len()).unwrap_or(u32::MAX).to_be_bytes());
        aad.extend_from_slice(field);
        aad
    }
}

/// A per-object AES-256 key. Zeroized on drop, printed redacted, not `Clone`.
pub struct ContentKey {
    key: Key32,
    version: u32,
}

impl ContentKey {
    /// A fresh key for a new object (version 1), or for re-keying one (the next version).
    pub fn generate(version: u32) -> Self {
        Self::generate_with(version, &mut rng::os())
    }

    pub(crate) fn generate_with(version: u32, rng: &mut impl CryptoRng) -> Self {
        Self::from_parts(Key32::random(rng), version)
    }

    pub(crate) fn from_parts(key: Key32, version: u32) -> Self {
        Self { key, version }
    }

    pub fn version(&self) -> u32 {
        self.version
    }

    pub(crate) fn secret(&self) -> &Key32 {
        &self.key
    }

    pub fn encrypt(&self, plaintext: &[u8], context: &ObjectContext<'_>) -> ObjectEnvelope {
        self.encrypt_with(plaintext, context, &mut rng::os())
    }

    pub(crate) fn encrypt_with(
        &self,
        plaintext: &[u8],
        context: &ObjectContext<'_>,
        rng: &mut impl CryptoRng,
    ) -> ObjectEnvelope {
        let mut envelope = ObjectEnvelope {
            key_version: self.version,
            nonce: rng::array(rng),
            ciphertext: Vec::new(),
        };
        let aad = context.aad(&envelope);
        envelope.ciphertext = aead::seal(self.key.expose(), &envelope.nonce, plaintext, &aad);
        envelope
    }

    pub fn decrypt(
        &self,
        envelope: &ObjectEnvelope,
        context: &ObjectContext<'_>,
    ) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
        if envelope.key_version != self.version {
            return Err(CryptoError::KeyVersion {
                envelope: envelope.key_version,
                key: self.version,
            });
        }
        aead::open(
            self.key.expose(),
            &envelope.nonce,
            &envelope.ciphertext,
            &context.aad(envelope),
        )
    }
}

impl fmt::Debug for ContentKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ContentKey")
            .field("version", &self.version)
            .field("key", &self.key)
            .finish()
    }
}
