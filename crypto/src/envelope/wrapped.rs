//! The two fields every key-wrap envelope carries after its header: which key is inside and that
//! key's own version (`key type (1) | key version (u32 BE)`). They are authenticated, so a wrap of
//! one key type cannot be passed off as another.

use super::{KeyType, Reader};
use crate::error::{CryptoError, EnvelopeError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WrappedKey {
    pub(crate) key_type: KeyType,
    pub(crate) version: u32,
}

impl WrappedKey {
    pub(crate) fn write(self, out: &mut Vec<u8>) {
        out.push(self.key_type as u8);
        out.extend_from_slice(&self.version.to_be_bytes());
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Self, EnvelopeError> {
        let key_type = KeyType::from_byte(r.u8()?)?;
        let version = r.u32()?;
        Ok(Self { key_type, version })
    }

    /// Checks that the envelope holds the expected kind of key.
    pub(crate) fn expect(self, expected: KeyType) -> Result<u32, CryptoError> {
        if self.key_type == expected {
            Ok(self.version)
        } else {
            Err(CryptoError::WrongKeyType {
                expected,
                found: self.key_type,
            })
        }
    }
}
