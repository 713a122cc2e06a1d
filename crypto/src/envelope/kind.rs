//! The registries of format v1: envelope kinds, suite ids and wrapped-key types. Numbers are
//! frozen once shipped; a new algorithm gets a new suite id, never a reused one.

use core::fmt;

use crate::error::EnvelopeError;

/// What an envelope holds (header byte 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EnvelopeKind {
    /// A patient submission, HPKE-sealed to the practice inbox key.
    Submission = 0x01,
    /// A key wrapped under a staff password (Argon2id).
    PasswordWrap = 0x02,
    /// The master key wrapped under the printed recovery code.
    RecoveryWrap = 0x03,
    /// The master key HPKE-sealed to a team member's public key.
    KeyShare = 0x04,
    /// A key wrapped under the practice master key.
    KeyWrap = 0x05,
    /// Staff-authored data under a per-object content key.
    Object = 0x06,
    /// An X25519 public key with its role and version.
    PublicKey = 0x10,
    /// Argon2id parameters and salt of a staff password.
    KdfParams = 0x11,
}

impl EnvelopeKind {
    pub(crate) fn from_byte(byte: u8) -> Result<Self, EnvelopeError> {
        Ok(match byte {
            0x01 => Self::Submission,
            0x02 => Self::PasswordWrap,
            0x03 => Self::RecoveryWrap,
            0x04 => Self::KeyShare,
            0x05 => Self::KeyWrap,
            0x06 => Self::Object,
            0x10 => Self::PublicKey,
            0x11 => Self::KdfParams,
            other => return Err(EnvelopeError::UnknownKind(other)),
        })
    }

    /// The one suite format v1 defines for this kind.
    pub fn suite(self) -> Suite {
        match self {
            Self::Submission | Self::KeyShare | Self::PublicKey => Suite::HpkeX25519Aes256Gcm,
            Self::PasswordWrap | Self::KdfParams => Suite::Argon2idAes256Gcm,
            Self::RecoveryWrap | Self::KeyWrap => Suite::HkdfAes256Gcm,
            Self::Object => Suite::Aes256Gcm,
        }
    }
}

impl fmt::Display for EnvelopeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Submission => "submission",
            Self::PasswordWrap => "password-wrap",
            Self::RecoveryWrap => "recovery-wrap",
            Self::KeyShare => "key-share",
            Self::KeyWrap => "key-wrap",
            Self::Object => "object",
            Self::PublicKey => "public-key",
            Self::KdfParams => "kdf-params",
        })
    }
}

/// The algorithms behind an envelope (header bytes 3–4, big-endian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Suite {
    /// HPKE base mode: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM (RFC 9180 ids
    /// 0x0020, 0x0001, 0x0002).
    HpkeX25519Aes256Gcm = 0x0001,
    /// Argon2id v1.3, then HKDF-SHA256, then AES-256-GCM.
    Argon2idAes256Gcm = 0x0002,
    /// HKDF-SHA256, then AES-256-GCM.
    HkdfAes256Gcm = 0x0003,
    /// AES-256-GCM under a random content key.
    Aes256Gcm = 0x0004,
}

impl Suite {
    pub fn id(self) -> u16 {
        self as u16
    }
}

/// Which key a wrap or share holds (first byte after the header of wrap envelopes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KeyType {
    MasterKey = 0x01,
    InboxKey = 0x02,
    BlindIndexKey = 0x03,
    ContentKey = 0x04,
    MemberKey = 0x05,
}

impl KeyType {
    pub(crate) fn from_byte(byte: u8) -> Result<Self, EnvelopeError> {
        Ok(match byte {
            0x01 => Self::MasterKey,
            0x02 => Self::InboxKey,
            0x03 => Self::BlindIndexKey,
            0x04 => Self::ContentKey,
            0x05 => Self::MemberKey,
            other => return Err(EnvelopeError::UnknownKeyType(other)),
        })
    }
}

impl fmt::Display for KeyType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::MasterKey => "practice master key",
            Self::InboxKey => "inbox private key",
            Self::BlindIndexKey => "blind-index key",
            Self::ContentKey => "content key",
            Self::MemberKey => "member private key",
        })
    }
}
