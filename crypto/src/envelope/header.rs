//! The 9-byte header every envelope starts with:
//! `0xDC | format 0x01 | kind | suite (u16 BE) | key version (u32 BE)`.

use super::{EnvelopeKind, Reader};
use crate::error::EnvelopeError;

pub(crate) const MAGIC: u8 = 0xDC;
pub(crate) const FORMAT_V1: u8 = 0x01;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Header {
    pub(crate) kind: EnvelopeKind,
    pub(crate) key_version: u32,
}

impl Header {
    pub(crate) fn write(self, out: &mut Vec<u8>) {
        out.push(MAGIC);
        out.push(FORMAT_V1);
        out.push(self.kind as u8);
        out.extend_from_slice(&self.kind.suite().id().to_be_bytes());
        out.extend_from_slice(&self.key_version.to_be_bytes());
    }

    /// Reads and checks a header: magic, format, a known kind and that kind's suite.
    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Self, EnvelopeError> {
        let magic = r.u8()?;
        if magic != MAGIC {
            return Err(EnvelopeError::BadMagic(magic));
        }
        let format = r.u8()?;
        if format != FORMAT_V1 {
            return Err(EnvelopeError::UnsupportedFormat(format));
        }
        let kind = EnvelopeKind::from_byte(r.u8()?)?;
        let suite = r.u16()?;
        if suite != kind.suite().id() {
            return Err(EnvelopeError::UnsupportedSuite { kind, suite });
        }
        let key_version = r.u32()?;
        Ok(Self { kind, key_version })
    }
}
