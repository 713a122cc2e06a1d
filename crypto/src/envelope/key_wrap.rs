//! Kind 0x05, suite 0x0003: a key (inbox private key, blind-index key, content key, or an older
//! master key) wrapped under the practice master key.
//!
//! `header (key version = master key version) | key type (1) | wrapped key version (u32) |
//! nonce (12) | ciphertext (48)`

use super::codec::{envelope_api, Codec};
use super::wrapped::WrappedKey;
use super::{EnvelopeKind, KeyType, Reader, SEALED_KEY_LEN};
use crate::error::EnvelopeError;
use crate::hazmat::aead::NONCE_LEN;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyWrapEnvelope {
    pub(crate) master_version: u32,
    pub(crate) wrapped: WrappedKey,
    pub(crate) nonce: [u8; NONCE_LEN],
    pub(crate) ciphertext: [u8; SEALED_KEY_LEN],
}

impl KeyWrapEnvelope {
    /// The version of the master key this was wrapped under (after a rotation, older
    /// objects stay wrapped under the master key of their time).
    pub fn master_version(&self) -> u32 {
        self.master_version
    }

    /// Which key is inside and its version.
    pub fn wrapped_key(&self) -> (KeyType, u32) {
        (self.wrapped.key_type, self.wrapped.version)
    }
}

impl Codec for KeyWrapEnvelope {
    const KIND: EnvelopeKind = EnvelopeKind::KeyWrap;

    fn key_version(&self) -> u32 {
        self.master_version
    }

    fn write_fields(&self, out: &mut Vec<u8>) {
        self.wrapped.write(out);
    }

    fn write_sealed(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.nonce);
        out.extend_from_slice(&self.ciphertext);
    }

    fn read(master_version: u32, r: &mut Reader<'_>) -> Result<Self, EnvelopeError> {
        Ok(Self {
            master_version,
            wrapped: WrappedKey::read(r)?,
            nonce: r.array()?,
            ciphertext: r.array()?,
        })
    }
}

envelope_api!(KeyWrapEnvelope);
