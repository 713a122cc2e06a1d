//! Kind 0x06, suite 0x0004: staff-authored data under a per-object content key.
//!
//! `header (key version = content key version) | nonce (12) | ciphertext (plaintext length + 16)`

use super::codec::{envelope_api, Codec};
use super::{EnvelopeKind, Reader};
use crate::error::EnvelopeError;
use crate::hazmat::aead::{NONCE_LEN, TAG_LEN};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectEnvelope {
    pub(crate) key_version: u32,
    pub(crate) nonce: [u8; NONCE_LEN],
    pub(crate) ciphertext: Vec<u8>,
}

impl Codec for ObjectEnvelope {
    const KIND: EnvelopeKind = EnvelopeKind::Object;

    fn key_version(&self) -> u32 {
        self.key_version
    }

    fn write_fields(&self, _: &mut Vec<u8>) {}

    fn write_sealed(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.nonce);
        out.extend_from_slice(&self.ciphertext);
    }

    fn read(key_version: u32, r: &mut Reader<'_>) -> Result<Self, EnvelopeError> {
        let nonce = r.array()?;
        let ciphertext = r.rest(TAG_LEN)?.to_vec();
        Ok(Self {
            key_version,
            nonce,
            ciphertext,
        })
    }
}

envelope_api!(ObjectEnvelope);
