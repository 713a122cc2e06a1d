//! Base32 for the authenticator key (RFC 4648 alphabet, what otpauth URIs carry) and for
//! recovery codes (Crockford's alphabet, which has no I, L, O or U to misread).

use zeroize::Zeroizing;

pub(super) const RFC4648: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
pub(super) const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Encodes whole 5-byte blocks' worth of bits; a final partial symbol is zero-padded.
pub(super) fn encode(bytes: &[u8], alphabet: &[u8; 32]) -> Zeroizing<String> {
    let mut text = Zeroizing::new(String::with_capacity(bytes.len().div_ceil(5) * 8));
    let (mut acc, mut bits) = (0u16, 0u32);
    for byte in bytes {
        acc = (acc << 8) | u16::from(*byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            text.push(char::from(alphabet[usize::from((acc >> bits) & 0x1f)]));
        }
        acc &= (1 << bits) - 1;
    }
    if bits > 0 {
        text.push(char::from(
            alphabet[usize::from((acc << (5 - bits)) & 0x1f)],
        ));
    }
    text
}

/// Decodes symbols (already mapped to 0..32) to bytes; leftover bits must be zero.
pub(super) fn decode_symbols(symbols: impl Iterator<Item = u8>) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u16, 0u32);
    for symbol in symbols {
        acc = (acc << 5) | u16::from(symbol);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xff).ok()?);
        }
        acc &= (1 << bits) - 1;
    }
    (acc == 0).then_some(out)
}

pub(super) fn encode_rfc4648(bytes: &[u8]) -> Zeroizing<String> {
    encode(bytes, RFC4648)
}

/// Ignores spaces, case and trailing `=` padding.
pub(super) fn decode_rfc4648(text: &str) -> Option<Vec<u8>> {
    let symbols: Option<Vec<u8>> = text
        .trim_end_matches('=')
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            let upper = u8::try_from(c.to_ascii_uppercase()).ok()?;
            RFC4648
                .iter()
                .position(|&a| a == upper)
                .and_then(|p| u8::try_from(p).ok())
        })
        .collect();
    let symbols = Zeroizing::new(symbols?);
    decode_symbols(symbols.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4648_section_10_vectors() {
        for (plain, encoded) in [
            ("f", "MY"),
            ("fo", "MZXQ"),
            ("foo", "MZXW6"),
            ("foob", "MZXW6YQ"),
            ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI"),
        ] {
            assert_eq!(encode_rfc4648(plain.as_bytes()).as_str(), encoded);
            assert_eq!(
                decode_rfc4648(&encoded.to_lowercase()).as_deref(),
                Some(plain.as_bytes())
            );
        }
        assert_eq!(decode_rfc4648("MZXW6YQ1"), None, "1 is not in the alphabet");
        assert_eq!(decode_rfc4648("MZ"), None, "non-zero leftover bits");
    }
}
