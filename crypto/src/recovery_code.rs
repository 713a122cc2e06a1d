//! The printed recovery code ("Notfallblatt", DESIGN §4.2): 256 random bits that wrap one more
//! copy of the master key, shown once at setup and kept in the practice safe.
//!
//! Printed as 13 groups of 5 characters (Crockford base32) separated by dashes. Each group is 4
//! data characters and 1 check character; the code as a whole carries 4 more check bits. A
//! mistyped group is named before any decryption is attempted (`format.rs` has the arithmetic).

mod format;
mod gf32;

use core::fmt;

use rand_core::CryptoRng;
use thiserror::Error;
use zeroize::Zeroizing;

use crate::rng;
use crate::secret::Key32;

pub struct RecoveryCode(Key32);

/// Why typed-in text is not a recovery code. Never contains the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum RecoveryCodeError {
    #[error("a recovery code has 65 characters in 13 groups, this has {found}")]
    Length { found: usize },
    #[error("character {position} is not used in recovery codes")]
    Character { position: usize },
    #[error("group {group} contains a typo")]
    Group { group: usize },
    #[error("the code does not add up; compare it with the sheet again")]
    Checksum,
}

impl RecoveryCode {
    pub fn generate() -> Self {
        Self::generate_with(&mut rng::os())
    }

    pub(crate) fn generate_with(rng: &mut impl CryptoRng) -> Self {
        Self(Key32::random(rng))
    }

    /// Parses typed-in text. Tolerates case, spaces, dashes and line breaks anywhere, and reads
    /// O as 0 and I, L as 1 (Crockford).
    pub fn parse(input: &str) -> Result<Self, RecoveryCodeError> {
        format::parse(input).map(|mut bytes| Self(Key32::take(&mut bytes)))
    }

    /// `XXXXX-XXXXX-…` (13 groups), for printing once.
    pub fn to_printable(&self) -> Zeroizing<String> {
        format::print(self.0.expose())
    }

    pub(crate) fn secret(&self) -> &Key32 {
        &self.0
    }
}

impl fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryCode(***)")
    }
}
