//! Storage for 32-byte secrets. Boxed so that moving a key moves a pointer instead of leaving
//! copies of the bytes on the stack; zeroized on drop; printed as `***`; no `Clone`, no
//! `Serialize`. Every key type of the crate is a thin typed wrapper around one of these.

use core::fmt;

use rand_core::CryptoRng;
use zeroize::{Zeroize, ZeroizeOnDrop};

pub(crate) struct Key32(Box<[u8; 32]>);

impl Key32 {
    pub(crate) fn random(rng: &mut impl CryptoRng) -> Self {
        Self::fill_with(|key| rng.fill_bytes(key))
    }

    /// Lets `fill` write the key straight into its final (boxed) place, so no copy is left on
    /// the stack.
    pub(crate) fn fill_with(fill: impl FnOnce(&mut [u8; 32])) -> Self {
        let mut key = Self(Box::new([0u8; 32]));
        fill(&mut key.0);
        key
    }

    /// Takes the bytes and wipes the caller's copy.
    pub(crate) fn take(bytes: &mut [u8; 32]) -> Self {
        let key = Box::new(*bytes);
        bytes.zeroize();
        Self(key)
    }

    /// Copies from a slice of exactly 32 bytes.
    pub(crate) fn from_slice(bytes: &[u8]) -> Option<Self> {
        let array: &[u8; 32] = bytes.try_into().ok()?;
        Some(Self(Box::new(*array)))
    }

    pub(crate) fn expose(&self) -> &[u8; 32] {
        &self.0
    }
}

impl Drop for Key32 {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl ZeroizeOnDrop for Key32 {}

impl fmt::Debug for Key32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}
