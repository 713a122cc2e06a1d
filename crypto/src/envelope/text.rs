//! The text form: unpadded base64url (RFC 4648 §5) of the byte form, via the constant-time
//! `base64ct` (tokens and keys pass through here too). Decoding is strict: no padding, no
//! whitespace, no non-canonical trailing bits, so every envelope has exactly one text form.

use base64ct::{Base64UrlUnpadded, Encoding};

use crate::error::EnvelopeError;

pub(crate) fn encode(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

pub(crate) fn decode(text: &str) -> Result<Vec<u8>, EnvelopeError> {
    let bytes = Base64UrlUnpadded::decode_vec(text).map_err(|_| EnvelopeError::BadText)?;
    // base64ct already rejects non-canonical input; the round trip makes that a local guarantee.
    if encode(&bytes) != text {
        return Err(EnvelopeError::BadText);
    }
    Ok(bytes)
}
