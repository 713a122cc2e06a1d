//! Kind 0x01, suite 0x0001: a patient submission HPKE-sealed to the practice inbox key.
//!
//! `header (key version = inbox key version) | enc (32) | ciphertext (plaintext length + 16)`

use super::codec::{envelope_api, Codec};
use super::{EnvelopeKind, Reader};
use crate::error::EnvelopeError;
use crate::hazmat::{aead::TAG_LEN, hpke::ENC_LEN};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmissionEnvelope {
    pub(crate) key_version: u32,
    pub(crate) enc: [u8; ENC_LEN],
    pub(crate) ciphertext: Vec<u8>,
}

impl SubmissionEnvelope {
    /// The inbox key version it was sealed to (staff need that key to open it).
    pub fn inbox_key_version(&self) -> u32 {
        self.key_version
    }
}

impl Codec for SubmissionEnvelope {
    const KIND: EnvelopeKind = EnvelopeKind::Submission;

    fn key_version(&self) -> u32 {
        self.key_version
    }

    fn write_fields(&self, _: &mut Vec<u8>) {}

    fn write_sealed(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.enc);
        out.extend_from_slice(&self.ciphertext);
    }

    fn read(key_version: u32, r: &mut Reader<'_>) -> Result<Self, EnvelopeError> {
        let enc = r.array()?;
        let ciphertext = r.rest(TAG_LEN)?.to_vec();
        Ok(Self {
            key_version,
            enc,
            ciphertext,
        })
    }
}

envelope_api!(SubmissionEnvelope);
