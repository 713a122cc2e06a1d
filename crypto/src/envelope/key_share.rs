//! Kind 0x04, suite 0x0001: the master key HPKE-sealed to a team member's own X25519 public key
//! (the invite/confirm step, DESIGN §4.2).
//!
//! `header (key version = member key version) | key type (1) | wrapped key version (u32) |
//! enc (32) | ciphertext (48)`

use super::codec::{envelope_api, Codec};
use super::wrapped::WrappedKey;
use super::{EnvelopeKind, KeyType, Reader, SEALED_KEY_LEN};
use crate::error::EnvelopeError;
use crate::hazmat::hpke::ENC_LEN;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyShareEnvelope {
    pub(crate) member_version: u32,
    pub(crate) wrapped: WrappedKey,
    pub(crate) enc: [u8; ENC_LEN],
    pub(crate) ciphertext: [u8; SEALED_KEY_LEN],
}

impl KeyShareEnvelope {
    /// Which key is inside and its version.
    pub fn wrapped_key(&self) -> (KeyType, u32) {
        (self.wrapped.key_type, self.wrapped.version)
    }
}

impl Codec for KeyShareEnvelope {
    const KIND: EnvelopeKind = EnvelopeKind::KeyShare;

    fn key_version(&self) -> u32 {
        self.member_version
    }

    fn write_fields(&self, out: &mut Vec<u8>) {
        self.wrapped.write(out);
    }

    fn write_sealed(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.enc);
        out.extend_from_slice(&self.ciphertext);
    }

    fn read(member_version: u32, r: &mut Reader<'_>) -> Result<Self, EnvelopeError> {
        Ok(Self {
            member_version,
            wrapped: WrappedKey::read(r)?,
            enc: r.array()?,
            ciphertext: r.array()?,
        })
    }
}

envelope_api!(KeyShareEnvelope);
