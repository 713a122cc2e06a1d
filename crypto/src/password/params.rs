//! Argon2id parameters with the client-side policy: defaults m = 64 MiB, t = 3, p = 1 (RFC 9106
//! "second recommended option" memory with OWASP's p = 1; about 0.3 s in WASM, research §1.5);
//! a floor of m = 19 MiB, t = 2 (OWASP minimum) so a server cannot downgrade a wrap; a ceiling
//! (1 GiB, t = 16, p = 16) so a server cannot make a client allocate without bound.
//!
//! Stored and sent as an envelope of kind 0x11, suite 0x0002:
//! `header (key version 0) | m KiB (u32) | t (u32) | p (u32) | salt (16)`. The server hands this
//! out before login so the client can derive the login key; it reveals only the salt.

use rand_core::CryptoRng;

use crate::envelope::{text, EnvelopeKind, Header, Reader};
use crate::error::{CryptoError, EnvelopeError};
use crate::rng;

pub(crate) const DEFAULT_MEMORY_KIB: u32 = 64 * 1024;
pub(crate) const DEFAULT_ITERATIONS: u32 = 3;
pub(crate) const DEFAULT_PARALLELISM: u32 = 1;
pub(crate) const MIN_MEMORY_KIB: u32 = 19 * 1024;
pub(crate) const MIN_ITERATIONS: u32 = 2;
const MAX_MEMORY_KIB: u32 = 1024 * 1024;
const MAX_ITERATIONS: u32 = 16;
const MAX_PARALLELISM: u32 = 16;

/// Validated Argon2id parameters and the 16-byte salt of one staff password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    memory_kib: u32,
    iterations: u32,
    parallelism: u32,
    salt: [u8; 16],
}

impl KdfParams {
    /// Checks the floor and the ceiling.
    pub fn new(
        memory_kib: u32,
        iterations: u32,
        parallelism: u32,
        salt: [u8; 16],
    ) -> Result<Self, CryptoError> {
        if memory_kib < MIN_MEMORY_KIB || iterations < MIN_ITERATIONS || parallelism < 1 {
            return Err(CryptoError::KdfTooWeak {
                memory_kib,
                iterations,
                parallelism,
            });
        }
        if memory_kib > MAX_MEMORY_KIB
            || iterations > MAX_ITERATIONS
            || parallelism > MAX_PARALLELISM
        {
            return Err(CryptoError::KdfTooCostly {
                memory_kib,
                iterations,
                parallelism,
            });
        }
        Ok(Self {
            memory_kib,
            iterations,
            parallelism,
            salt,
        })
    }

    /// The defaults (64 MiB, t = 3, p = 1) with a fresh random salt: for a new or changed password.
    pub fn generate() -> Self {
        Self::generate_with(&mut rng::os())
    }

    /// Plausible parameters for an address that has no account, so the sign-in step that hands
    /// out parameters does not reveal which addresses are registered: the defaults with a salt
    /// derived from a server secret and the address (stable across requests and servers).
    pub fn decoy(server_secret: &[u8; 32], identifier: &str) -> Self {
        let mac = crate::hazmat::kdf::hmac(
            server_secret,
            &[b"decoy-salt/v1\x1f".as_slice(), identifier.as_bytes()].concat(),
        );
        let mut salt = [0u8; 16];
        salt.copy_from_slice(&mac[..16]);
        Self {
            memory_kib: DEFAULT_MEMORY_KIB,
            iterations: DEFAULT_ITERATIONS,
            parallelism: DEFAULT_PARALLELISM,
            salt,
        }
    }

    pub(crate) fn generate_with(rng: &mut impl CryptoRng) -> Self {
        Self {
            memory_kib: DEFAULT_MEMORY_KIB,
            iterations: DEFAULT_ITERATIONS,
            parallelism: DEFAULT_PARALLELISM,
            salt: rng::array(rng),
        }
    }

    pub fn memory_kib(&self) -> u32 {
        self.memory_kib
    }

    pub fn iterations(&self) -> u32 {
        self.iterations
    }

    pub fn parallelism(&self) -> u32 {
        self.parallelism
    }

    pub fn salt(&self) -> &[u8; 16] {
        &self.salt
    }

    pub(crate) fn numbers(&self) -> [u32; 3] {
        [self.memory_kib, self.iterations, self.parallelism]
    }

    /// The envelope byte form (kind 0x11).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(37);
        Header {
            kind: EnvelopeKind::KdfParams,
            key_version: 0,
        }
        .write(&mut out);
        for value in self.numbers() {
            out.extend_from_slice(&value.to_be_bytes());
        }
        out.extend_from_slice(&self.salt);
        out
    }

    /// Parses the byte form and applies the floor and ceiling.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, CryptoError> {
        let kind = EnvelopeKind::KdfParams;
        let mut r = Reader::new(bytes);
        let header = Header::read(&mut r)?;
        if header.kind != kind {
            return Err(EnvelopeError::WrongKind {
                expected: kind,
                found: header.kind,
            }
            .into());
        }
        if header.key_version != 0 {
            return Err(EnvelopeError::InvalidField { kind }.into());
        }
        let (m, t, p, salt) = (r.u32()?, r.u32()?, r.u32()?, r.array()?);
        if !r.is_empty() {
            return Err(EnvelopeError::BadLength { kind }.into());
        }
        Self::new(m, t, p, salt)
    }

    pub fn to_text(&self) -> String {
        text::encode(&self.to_bytes())
    }

    pub fn from_text(input: &str) -> Result<Self, CryptoError> {
        Self::from_bytes(&text::decode(input)?)
    }
}
