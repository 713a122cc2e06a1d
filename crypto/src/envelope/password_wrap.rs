//! Kind 0x02, suite 0x0002: a key (the master key, or a member's own private key) wrapped under
//! a key derived from a staff password. The Argon2id parameters travel with the wrap so that a
//! client can re-derive the key, and they are authenticated so that nobody can swap them; the
//! floor check happens in [`PasswordWrapEnvelope::kdf_params`], not here (parsing is structural).
//!
//! `header (key version 0) | key type (1) | wrapped key version (u32) | m KiB (u32) | t (u32) |
//! p (u32) | salt (16) | nonce (12) | ciphertext (48)`

use super::codec::{envelope_api, Codec};
use super::wrapped::WrappedKey;
use super::{EnvelopeKind, KeyType, Reader, SEALED_KEY_LEN};
use crate::error::{CryptoError, EnvelopeError};
use crate::hazmat::aead::NONCE_LEN;
use crate::password::KdfParams;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordWrapEnvelope {
    pub(crate) wrapped: WrappedKey,
    pub(crate) params: [u32; 3],
    pub(crate) salt: [u8; 16],
    pub(crate) nonce: [u8; NONCE_LEN],
    pub(crate) ciphertext: [u8; SEALED_KEY_LEN],
}

impl PasswordWrapEnvelope {
    /// Which key is inside and its version.
    pub fn wrapped_key(&self) -> (KeyType, u32) {
        (self.wrapped.key_type, self.wrapped.version)
    }

    /// The Argon2id parameters and salt to derive the password keys with. Refuses parameters
    /// below the floor (m = 19 MiB, t = 2) or above the ceiling, so a server cannot downgrade
    /// the work factor or make the client allocate without bound.
    pub fn kdf_params(&self) -> Result<KdfParams, CryptoError> {
        let [memory_kib, iterations, parallelism] = self.params;
        KdfParams::new(memory_kib, iterations, parallelism, self.salt)
    }
}

impl Codec for PasswordWrapEnvelope {
    const KIND: EnvelopeKind = EnvelopeKind::PasswordWrap;

    fn key_version(&self) -> u32 {
        0
    }

    fn write_fields(&self, out: &mut Vec<u8>) {
        self.wrapped.write(out);
        for value in self.params {
            out.extend_from_slice(&value.to_be_bytes());
        }
        out.extend_from_slice(&self.salt);
    }

    fn write_sealed(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.nonce);
        out.extend_from_slice(&self.ciphertext);
    }

    fn read(key_version: u32, r: &mut Reader<'_>) -> Result<Self, EnvelopeError> {
        if key_version != 0 {
            return Err(EnvelopeError::InvalidField { kind: Self::KIND });
        }
        Ok(Self {
            wrapped: WrappedKey::read(r)?,
            params: [r.u32()?, r.u32()?, r.u32()?],
            salt: r.array()?,
            nonce: r.array()?,
            ciphertext: r.array()?,
        })
    }
}

envelope_api!(PasswordWrapEnvelope);
