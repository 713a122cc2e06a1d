//! The shape shared by all envelope types: header, authenticated fields, sealed part. The
//! authenticated prefix (header + fields) is also the start of each envelope's AAD, so a change
//! to any header byte or parameter makes decryption fail.

use super::{text, EnvelopeKind, Header, Reader};
use crate::error::EnvelopeError;

pub(crate) trait Codec: Sized {
    const KIND: EnvelopeKind;
    fn key_version(&self) -> u32;
    /// Plain fields after the header (authenticated, not encrypted).
    fn write_fields(&self, out: &mut Vec<u8>);
    /// Nonce or encapsulated key, then ciphertext.
    fn write_sealed(&self, out: &mut Vec<u8>);
    /// Reads everything after the header; must consume all of it.
    fn read(key_version: u32, r: &mut Reader<'_>) -> Result<Self, EnvelopeError>;
}

/// Header and plain fields: the part of the envelope that goes into its AAD.
pub(crate) fn prefix<T: Codec>(value: &T) -> Vec<u8> {
    let mut out = Vec::with_capacity(64);
    Header {
        kind: T::KIND,
        key_version: value.key_version(),
    }
    .write(&mut out);
    value.write_fields(&mut out);
    out
}

pub(crate) fn encode<T: Codec>(value: &T) -> Vec<u8> {
    let mut out = prefix(value);
    value.write_sealed(&mut out);
    out
}

pub(crate) fn decode<T: Codec>(bytes: &[u8]) -> Result<T, EnvelopeError> {
    let mut r = Reader::new(bytes);
    let header = Header::read(&mut r)?;
    if header.kind != T::KIND {
        return Err(EnvelopeError::WrongKind {
            expected: T::KIND,
            found: header.kind,
        });
    }
    let value = T::read(header.key_version, &mut r)?;
    if !r.is_empty() {
        return Err(EnvelopeError::BadLength { kind: T::KIND });
    }
    Ok(value)
}

pub(crate) fn decode_text<T: Codec>(input: &str) -> Result<T, EnvelopeError> {
    decode(&text::decode(input)?)
}

/// The public byte/text methods of an envelope type.
macro_rules! envelope_api {
    ($ty:ty) => {
        impl $ty {
            /// The byte form (layout in docs/crypto.md, "Formats").
            pub fn to_bytes(&self) -> Vec<u8> {
                $crate::envelope::codec::encode(self)
            }

            /// Parses the byte form; never panics.
            pub fn from_bytes(bytes: &[u8]) -> Result<Self, $crate::EnvelopeError> {
                $crate::envelope::codec::decode(bytes)
            }

            /// The text form: unpadded base64url of [`Self::to_bytes`].
            pub fn to_text(&self) -> String {
                $crate::envelope::text::encode(&self.to_bytes())
            }

            /// Parses the text form; never panics.
            pub fn from_text(text: &str) -> Result<Self, $crate::EnvelopeError> {
                $crate::envelope::codec::decode_text(text)
            }

            /// The version of the key this envelope names in its header.
            pub fn key_version(&self) -> u32 {
                <Self as $crate::envelope::codec::Codec>::key_version(self)
            }
        }
    };
}
pub(crate) use envelope_api;
