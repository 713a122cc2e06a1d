//! Kind 0x03, suite 0x0003: the master key wrapped under the printed recovery code.
//!
//! `header (key version 0) | key type (1) | wrapped key version (u32) | nonce (12) | ciphertext (48)`

use super::codec::{envelope_api, Codec};
use super::wrapped::WrappedKey;
use super::{EnvelopeKind, KeyType, Reader, SEALED_KEY_LEN};
use crate::error::EnvelopeError;
use crate::hazmat::aead::NONCE_LEN;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryWrapEnvelope {
    pub(crate) wrapped: WrappedKey,
    pub(crate) nonce: [u8; NONCE_LEN],
    pub(crate) ciphertext: [u8; SEALED_KEY_LEN],
}

impl RecoveryWrapEnvelope {
    /// Which key is inside and its version.
    pub fn wrapped_key(&self) -> (KeyType, u32) {
        (self.wrapped.key_type, self.wrapped.version)
    }
}

impl Codec for RecoveryWrapEnvelope {
    const KIND: EnvelopeKind = EnvelopeKind::RecoveryWrap;

    fn key_version(&self) -> u32 {
        0
    }

    fn write_fields(&self, out: &mut Vec<u8>) {
        self.wrapped.write(out);
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
            nonce: r.array()?,
            ciphertext: r.array()?,
        })
    }
}

envelope_api!(RecoveryWrapEnvelope);
