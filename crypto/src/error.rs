//! Typed errors. They name what went wrong, never a key, a password or plaintext, so they are safe
//! to log and to show. Every parser in this crate returns one of these instead of panicking.

use thiserror::Error;

use crate::envelope::{EnvelopeKind, KeyType};

/// Why bytes or text could not be read as an envelope (structure only, no key involved).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum EnvelopeError {
    #[error("envelope text is not unpadded base64url")]
    BadText,
    #[error("envelope is truncated")]
    Truncated,
    #[error("not a Derma Consent envelope (first byte {0:#04x})")]
    BadMagic(u8),
    #[error("unsupported envelope format version {0}")]
    UnsupportedFormat(u8),
    #[error("unknown envelope kind {0:#04x}")]
    UnknownKind(u8),
    #[error("expected a {expected} envelope, found a {found} envelope")]
    WrongKind {
        expected: EnvelopeKind,
        found: EnvelopeKind,
    },
    #[error("suite {suite:#06x} is not defined for {kind} envelopes")]
    UnsupportedSuite { kind: EnvelopeKind, suite: u16 },
    #[error("unknown key type {0:#04x}")]
    UnknownKeyType(u8),
    #[error("public key has role {0:#04x}, not the role expected here")]
    WrongRole(u8),
    #[error("{kind} envelope has trailing bytes")]
    BadLength { kind: EnvelopeKind },
    #[error("{kind} envelope has an invalid field value")]
    InvalidField { kind: EnvelopeKind },
}

/// Why a cryptographic operation failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CryptoError {
    #[error(transparent)]
    Envelope(#[from] EnvelopeError),
    /// Deliberately one variant for wrong key, wrong context and tampering: telling them apart
    /// would help an attacker.
    #[error("decryption failed: wrong key, wrong context, or the data was altered")]
    Decrypt,
    #[error("envelope needs key version {envelope}, this key is version {key}")]
    KeyVersion { envelope: u32, key: u32 },
    #[error("envelope holds a {found}, expected a {expected}")]
    WrongKeyType { expected: KeyType, found: KeyType },
    #[error("Argon2id parameters m = {memory_kib} KiB, t = {iterations}, p = {parallelism} are below the floor m >= 19 MiB, t >= 2, p >= 1")]
    KdfTooWeak {
        memory_kib: u32,
        iterations: u32,
        parallelism: u32,
    },
    #[error("Argon2id parameters m = {memory_kib} KiB, t = {iterations}, p = {parallelism} exceed the ceiling m <= 1 GiB, t <= 16, p <= 16")]
    KdfTooCostly {
        memory_kib: u32,
        iterations: u32,
        parallelism: u32,
    },
    #[error("the wrap was made with other Argon2id parameters than this key was derived with")]
    KdfMismatch,
    #[error("only an older master key of the same practice can be wrapped under a newer one")]
    NotAnOlderKey,
    #[error("the public key cannot be used for encryption")]
    InvalidPublicKey,
    #[error("not a valid {0}")]
    InvalidText(&'static str),
}
