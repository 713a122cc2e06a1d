//! Keys under the practice master key: the inbox private key, the blind-index key, content keys
//! (one per object, bound to the object id) and older master keys (the rotation chain, so that a
//! new master key still reaches data under the old one). The AES key is HKDF(master key), never
//! the master key itself; the envelope header names the master key version to use.

use rand_core::CryptoRng;

use crate::blind_index::BlindIndexKey;
use crate::envelope::codec::prefix;
use crate::envelope::wrapped::WrappedKey;
use crate::envelope::{KeyType, KeyWrapEnvelope};
use crate::error::CryptoError;
use crate::hazmat::kdf::labels;
use crate::ids::ObjectId;
use crate::keys::{InboxKeyPair, PracticeMasterKey};
use crate::object::ContentKey;
use crate::rng;
use crate::secret::Key32;

impl PracticeMasterKey {
    pub(crate) fn wrap_key_with(
        &self,
        key: &Key32,
        wrapped: WrappedKey,
        object: Option<ObjectId>,
        rng: &mut impl CryptoRng,
    ) -> KeyWrapEnvelope {
        let mut envelope = KeyWrapEnvelope {
            master_version: self.version(),
            wrapped,
            nonce: super::nonce(rng),
            ciphertext: [0; 48],
        };
        let aad = self.aad(&envelope, object);
        envelope.ciphertext = super::seal_key(&self.wrapping_key(), &envelope.nonce, key, &aad);
        envelope
    }

    fn unwrap_key(
        &self,
        envelope: &KeyWrapEnvelope,
        expected: KeyType,
        object: Option<ObjectId>,
    ) -> Result<(Key32, u32), CryptoError> {
        if envelope.master_version != self.version() {
            return Err(CryptoError::KeyVersion {
                envelope: envelope.master_version,
                key: self.version(),
            });
        }
        let version = envelope.wrapped.expect(expected)?;
        let aad = self.aad(envelope, object);
        let key = super::open_key(
            &self.wrapping_key(),
            &envelope.nonce,
            &envelope.ciphertext,
            &aad,
        )?;
        Ok((key, version))
    }

    fn aad(&self, envelope: &KeyWrapEnvelope, object: Option<ObjectId>) -> Vec<u8> {
        let practice = self.practice_id();
        match object {
            Some(object) => super::aad(
                labels::MASTER_KEY_WRAP,
                &prefix(envelope),
                &[practice.as_bytes(), object.as_bytes()],
            ),
            None => super::aad(
                labels::MASTER_KEY_WRAP,
                &prefix(envelope),
                &[practice.as_bytes()],
            ),
        }
    }

    fn wrap_key(
        &self,
        key: &Key32,
        key_type: KeyType,
        version: u32,
        object: Option<ObjectId>,
    ) -> KeyWrapEnvelope {
        self.wrap_key_with(
            key,
            WrappedKey { key_type, version },
            object,
            &mut rng::os(),
        )
    }

    pub fn wrap_inbox_key(&self, inbox: &InboxKeyPair) -> KeyWrapEnvelope {
        self.wrap_key(inbox.secret(), KeyType::InboxKey, inbox.version(), None)
    }

    pub fn unwrap_inbox_key(
        &self,
        envelope: &KeyWrapEnvelope,
    ) -> Result<InboxKeyPair, CryptoError> {
        let (key, version) = self.unwrap_key(envelope, KeyType::InboxKey, None)?;
        InboxKeyPair::from_secret(key, version).ok_or(CryptoError::Decrypt)
    }

    pub fn wrap_blind_index_key(&self, key: &BlindIndexKey) -> KeyWrapEnvelope {
        self.wrap_key(key.secret(), KeyType::BlindIndexKey, key.version(), None)
    }

    pub fn unwrap_blind_index_key(
        &self,
        envelope: &KeyWrapEnvelope,
    ) -> Result<BlindIndexKey, CryptoError> {
        let (key, version) = self.unwrap_key(envelope, KeyType::BlindIndexKey, None)?;
        Ok(BlindIndexKey::from_parts(key, self.practice_id(), version))
    }

    /// Wraps an object's content key, bound to that object's id.
    pub fn wrap_content_key(&self, key: &ContentKey, object: ObjectId) -> KeyWrapEnvelope {
        self.wrap_key(
            key.secret(),
            KeyType::ContentKey,
            key.version(),
            Some(object),
        )
    }

    pub fn unwrap_content_key(
        &self,
        envelope: &KeyWrapEnvelope,
        object: ObjectId,
    ) -> Result<ContentKey, CryptoError> {
        let (key, version) = self.unwrap_key(envelope, KeyType::ContentKey, Some(object))?;
        Ok(ContentKey::from_parts(key, version))
    }

    /// Rotation: wraps an older master key of the same practice under this one.
    pub fn wrap_previous_master_key(
        &self,
        older: &PracticeMasterKey,
    ) -> Result<KeyWrapEnvelope, CryptoError> {
        if older.practice_id() != self.practice_id() || older.version() >= self.version() {
            return Err(CryptoError::NotAnOlderKey);
        }
        Ok(self.wrap_key(older.secret(), KeyType::MasterKey, older.version(), None))
    }

    pub fn unwrap_previous_master_key(
        &self,
        envelope: &KeyWrapEnvelope,
    ) -> Result<PracticeMasterKey, CryptoError> {
        let (key, version) = self.unwrap_key(envelope, KeyType::MasterKey, None)?;
        Ok(PracticeMasterKey::from_parts(
            key,
            self.practice_id(),
            version,
        ))
    }
}
