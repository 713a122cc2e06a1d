//! A human-comparable fingerprint of a public key, read aloud or compared side by side before an
//! admin seals the master key to a new member (DESIGN §4.2). Six groups of five decimal digits
//! (Signal's "safety number" style: digits read well over the phone in any language), each group
//! = a 40-bit slice of SHA-256(label ‖ role ‖ version ‖ key) mod 100000, about 100 bits in all:
//! far beyond what a second-preimage search could match during an invite.

use core::fmt;

use crate::hazmat::kdf::{self, labels};

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint([u32; 6]);

impl Fingerprint {
    pub(crate) fn of(role: u8, version: u32, key: &[u8; 32]) -> Self {
        let hash = kdf::sha256(&[labels::FINGERPRINT, &[role], &version.to_be_bytes(), key]);
        let mut groups = [0u32; 6];
        for (group, chunk) in groups.iter_mut().zip(hash.chunks_exact(5)) {
            let value = chunk.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
            *group = u32::try_from(value % 100_000).unwrap_or_default();
        }
        Self(groups)
    }

    /// The six groups, each below 100000.
    pub fn groups(&self) -> [u32; 6] {
        self.0
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, group) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{group:05}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fingerprint({self})")
    }
}
