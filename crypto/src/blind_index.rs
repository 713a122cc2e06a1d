//! The lookup hash of DESIGN §4.4 (research §2.3): find an existing patient without decrypting
//! every record, and without letting a stolen database be searched by name.
//!
//! `K = HKDF-SHA256(salt = practice id, ikm = K_bidx, info = "derma-consent/v1/bidx/name-dob")`,
//! `index = first 12 bits of HMAC-SHA256(K, "v1" ‖ len ‖ canon(last) ‖ len ‖ canon(first) ‖ dob)`
//! (lengths u32 big-endian, dob `YYYY-MM-DD`); email likewise with its own key and
//! `"v1" ‖ len ‖ canon(email)`.
//!
//! Truncated on purpose (docs/decisions/0002): with 12 bits a practice of 20 000 patients has
//! about 5 records per bucket, so a match is a candidate list that the staff client confirms by
//! decrypting, and even someone holding `K_bidx` and the database cannot confirm a guessed
//! name from the index alone. Only staff clients hold `K_bidx`; patient devices never do.

mod canonical;
mod date;
#[cfg(test)]
mod properties;

use core::fmt;

use rand_core::CryptoRng;
use thiserror::Error;

pub use canonical::{canonical_email, canonical_name};
pub use date::BirthDate;

use crate::hazmat::kdf::{self, labels};
use crate::ids::PracticeId;
use crate::rng;
use crate::secret::Key32;

/// Version of the canonical form and message layout (stored with each index).
pub const BLIND_INDEX_SCHEME: u8 = 1;
/// Bits kept of the HMAC (stored with each index).
pub const BLIND_INDEX_BITS: u8 = 12;

/// Why a name, birth date or email cannot be indexed. Never contains the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum BlindIndexError {
    #[error("the {0} has no letters left after normalisation")]
    EmptyName(&'static str),
    #[error("not a valid birth date (YYYY-MM-DD)")]
    InvalidDate,
    #[error("not a valid email address")]
    InvalidEmail,
}

/// `K_bidx`: 32 random bytes, wrapped by the master key, bound to its practice.
pub struct BlindIndexKey {
    key: Key32,
    practice_id: PracticeId,
    version: u32,
}

/// A truncated blind index: store `value`, and `scheme`/`bits`/`key_version` next to it so that a
/// later change of any of them is visible. Equal values mean "candidate", not "same patient".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BlindIndex {
    value: u32,
    key_version: u32,
}

impl BlindIndex {
    /// The top [`BLIND_INDEX_BITS`] bits of the HMAC, as a number below 2^bits.
    pub fn value(&self) -> u32 {
        self.value
    }

    pub fn scheme(&self) -> u8 {
        BLIND_INDEX_SCHEME
    }

    pub fn bits(&self) -> u8 {
        BLIND_INDEX_BITS
    }

    pub fn key_version(&self) -> u32 {
        self.key_version
    }
}

impl BlindIndexKey {
    pub fn generate(practice_id: PracticeId, version: u32) -> Self {
        Self::generate_with(practice_id, version, &mut rng::os())
    }

    pub(crate) fn generate_with(
        practice_id: PracticeId,
        version: u32,
        rng: &mut impl CryptoRng,
    ) -> Self {
        Self::from_parts(Key32::random(rng), practice_id, version)
    }

    pub(crate) fn from_parts(key: Key32, practice_id: PracticeId, version: u32) -> Self {
        Self {
            key,
            practice_id,
            version,
        }
    }

    pub fn version(&self) -> u32 {
        self.version
    }

    pub fn practice_id(&self) -> PracticeId {
        self.practice_id
    }

    pub(crate) fn secret(&self) -> &Key32 {
        &self.key
    }

    /// Index over last name, first name and birth date.
    pub fn name_dob_index(
        &self,
        last: &str,
        first: &str,
        birth: BirthDate,
    ) -> Result<BlindIndex, BlindIndexError> {
        Ok(self.index(
            labels::BIDX_NAME_DOB,
            &name_dob_message(last, first, birth)?,
        ))
    }

    /// Index over an email address.
    pub fn email_index(&self, email: &str) -> Result<BlindIndex, BlindIndexError> {
        Ok(self.index(labels::BIDX_EMAIL, &email_message(email)?))
    }

    fn index(&self, label: &[u8], message: &[u8]) -> BlindIndex {
        let key = kdf::derive(self.practice_id.as_bytes(), self.key.expose(), &[label]);
        let mac = kdf::hmac(key.expose(), message);
        let top = u32::from_be_bytes([mac[0], mac[1], mac[2], mac[3]]);
        BlindIndex {
            value: top >> (32 - u32::from(BLIND_INDEX_BITS)),
            key_version: self.version,
        }
    }
}

/// The HMAC input for name and birth date: `"v1" ‖ len ‖ last ‖ len ‖ first ‖ YYYY-MM-DD`.
pub(crate) fn name_dob_message(
    last: &str,
    first: &str,
    birth: BirthDate,
) -> Result<Vec<u8>, BlindIndexError> {
    let last = canonical_name(last).map_err(|_| BlindIndexError::EmptyName("last name"))?;
    let first = canonical_name(first).map_err(|_| BlindIndexError::EmptyName("first name"))?;
    let mut message = b"v1".to_vec();
    push_field(&mut message, last.as_bytes());
    push_field(&mut message, first.as_bytes());
    message.extend_from_slice(birth.iso().as_bytes());
    Ok(message)
}

/// The HMAC input for an email: `"v1" ‖ len ‖ email`.
pub(crate) fn email_message(email: &str) -> Result<Vec<u8>, BlindIndexError> {
    let email = canonical_email(email)?;
    let mut message = b"v1".to_vec();
    push_field(&mut message, email.as_bytes());
    Ok(message)
}

fn push_field(message: &mut Vec<u8>, field: &[u8]) {
    message.extend_from_slice(&u32::try_from(field.len()).unwrap_or(u32::MAX).to_be_bytes());
    message.extend_from_slice(field);
}

impl fmt::Debug for BlindIndexKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BlindIndexKey")
            .field("practice_id", &self.practice_id)
            .field("version", &self.version)
            .field("key", &self.key)
            .finish()
    }
}
