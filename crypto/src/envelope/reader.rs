//! A cursor over untrusted bytes. Every read checks the length first and returns
//! `EnvelopeError::Truncated` instead of indexing past the end, so no input can make a parser
//! panic (the fuzz target and `tests/envelope_random.rs` hold us to that).

use crate::error::EnvelopeError;

pub(crate) struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Self(bytes)
    }

    pub(crate) fn array<const N: usize>(&mut self) -> Result<[u8; N], EnvelopeError> {
        let (head, rest) = self
            .0
            .split_first_chunk::<N>()
            .ok_or(EnvelopeError::Truncated)?;
        self.0 = rest;
        Ok(*head)
    }

    pub(crate) fn u8(&mut self) -> Result<u8, EnvelopeError> {
        let [byte] = self.array::<1>()?;
        Ok(byte)
    }

    pub(crate) fn u16(&mut self) -> Result<u16, EnvelopeError> {
        Ok(u16::from_be_bytes(self.array()?))
    }

    pub(crate) fn u32(&mut self) -> Result<u32, EnvelopeError> {
        Ok(u32::from_be_bytes(self.array()?))
    }

    /// The remaining bytes, which must be at least `min` long.
    pub(crate) fn rest(&mut self, min: usize) -> Result<&'a [u8], EnvelopeError> {
        if self.0.len() < min {
            return Err(EnvelopeError::Truncated);
        }
        Ok(core::mem::take(&mut self.0))
    }

    /// Peeks at the next byte without consuming it.
    pub(crate) fn peek(&self) -> Option<u8> {
        self.0.first().copied()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
