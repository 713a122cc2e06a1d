//! Reading an envelope of unknown kind: for tooling, logs of ciphertext metadata, and the fuzz
//! target, which feeds arbitrary bytes here and into every typed parser.

use super::codec::decode;
use super::{
    text, EnvelopeKind, Header, KeyShareEnvelope, KeyWrapEnvelope, ObjectEnvelope,
    PasswordWrapEnvelope, Reader, RecoveryWrapEnvelope, SubmissionEnvelope,
};
use crate::error::{CryptoError, EnvelopeError};
use crate::keys::{InboxPublicKey, MemberPublicKey};
use crate::password::KdfParams;

/// Any envelope, parsed by the kind in its header.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Envelope {
    Submission(SubmissionEnvelope),
    PasswordWrap(PasswordWrapEnvelope),
    RecoveryWrap(RecoveryWrapEnvelope),
    KeyShare(KeyShareEnvelope),
    KeyWrap(KeyWrapEnvelope),
    Object(ObjectEnvelope),
    InboxPublicKey(InboxPublicKey),
    MemberPublicKey(MemberPublicKey),
    KdfParams(KdfParams),
}

impl Envelope {
    /// Parses any envelope; never panics. Argon2id parameters below the floor are refused here
    /// as well (as [`EnvelopeError::InvalidField`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, EnvelopeError> {
        let mut r = Reader::new(bytes);
        let header = Header::read(&mut r)?;
        Ok(match header.kind {
            EnvelopeKind::Submission => Self::Submission(decode(bytes)?),
            EnvelopeKind::PasswordWrap => Self::PasswordWrap(decode(bytes)?),
            EnvelopeKind::RecoveryWrap => Self::RecoveryWrap(decode(bytes)?),
            EnvelopeKind::KeyShare => Self::KeyShare(decode(bytes)?),
            EnvelopeKind::KeyWrap => Self::KeyWrap(decode(bytes)?),
            EnvelopeKind::Object => Self::Object(decode(bytes)?),
            EnvelopeKind::PublicKey => match r.peek() {
                Some(0x02) => Self::MemberPublicKey(MemberPublicKey::from_bytes(bytes)?),
                _ => Self::InboxPublicKey(InboxPublicKey::from_bytes(bytes)?),
            },
            EnvelopeKind::KdfParams => {
                Self::KdfParams(KdfParams::from_bytes(bytes).map_err(|e| match e {
                    CryptoError::Envelope(e) => e,
                    _ => EnvelopeError::InvalidField {
                        kind: EnvelopeKind::KdfParams,
                    },
                })?)
            }
        })
    }

    pub fn from_text(input: &str) -> Result<Self, EnvelopeError> {
        Self::from_bytes(&text::decode(input)?)
    }

    pub fn to_text(&self) -> String {
        text::encode(&self.to_bytes())
    }

    pub fn kind(&self) -> EnvelopeKind {
        match self {
            Self::Submission(_) => EnvelopeKind::Submission,
            Self::PasswordWrap(_) => EnvelopeKind::PasswordWrap,
            Self::RecoveryWrap(_) => EnvelopeKind::RecoveryWrap,
            Self::KeyShare(_) => EnvelopeKind::KeyShare,
            Self::KeyWrap(_) => EnvelopeKind::KeyWrap,
            Self::Object(_) => EnvelopeKind::Object,
            Self::InboxPublicKey(_) | Self::MemberPublicKey(_) => EnvelopeKind::PublicKey,
            Self::KdfParams(_) => EnvelopeKind::KdfParams,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        match self {
            Self::Submission(e) => e.to_bytes(),
            Self::PasswordWrap(e) => e.to_bytes(),
            Self::RecoveryWrap(e) => e.to_bytes(),
            Self::KeyShare(e) => e.to_bytes(),
            Self::KeyWrap(e) => e.to_bytes(),
            Self::Object(e) => e.to_bytes(),
            Self::InboxPublicKey(k) => k.to_bytes(),
            Self::MemberPublicKey(k) => k.to_bytes(),
            Self::KdfParams(p) => p.to_bytes(),
        }
    }
}
