//! The printed layout. 256 code bits, then 4 bits of SHA-256(label ‖ code), make 260 bits =
//! 52 base32 characters; they are cut into 13 groups of 4, and each group gets its check
//! character (see `gf32.rs`). Alphabet: Crockford base32 `0-9 A-Z` without I, L, O, U.

use zeroize::{Zeroize, Zeroizing};

use super::{gf32, RecoveryCodeError};
use crate::hazmat::kdf::{self, labels};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS: usize = 13;
const SYMBOLS: usize = GROUPS * 5;

fn whole_code_check(code: &[u8; 32]) -> u8 {
    kdf::sha256(&[labels::RECOVERY_CHECK, code])[0] >> 4
}

/// The 52 data symbols (5 bits each) of a code.
fn to_symbols(code: &[u8; 32]) -> Zeroizing<[u8; 52]> {
    let mut symbols = Zeroizing::new([0u8; 52]);
    let (mut acc, mut bits, mut out) = (0u32, 0u32, 0usize);
    let tail = [whole_code_check(code) << 4];
    for byte in code.iter().chain(tail.iter()) {
        acc = (acc << 8) | u32::from(*byte);
        bits += 8;
        while bits >= 5 && out < 52 {
            bits -= 5;
            symbols[out] = u8::try_from((acc >> bits) & 0x1f).unwrap_or(0);
            out += 1;
        }
    }
    acc.zeroize();
    symbols
}

pub(super) fn print(code: &[u8; 32]) -> Zeroizing<String> {
    let symbols = to_symbols(code);
    let mut text = Zeroizing::new(String::with_capacity(SYMBOLS + GROUPS));
    for (index, group) in symbols.chunks_exact(4).enumerate() {
        if index > 0 {
            text.push('-');
        }
        let data = [group[0], group[1], group[2], group[3]];
        let check = gf32::check(u8::try_from(index).unwrap_or(0), data);
        for symbol in data.into_iter().chain([check]) {
            text.push(char::from(ALPHABET[usize::from(symbol)]));
        }
    }
    text
}

fn symbol_of(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        other => other,
    };
    let position = ALPHABET.iter().position(|&a| char::from(a) == c)?;
    u8::try_from(position).ok()
}

pub(super) fn parse(input: &str) -> Result<[u8; 32], RecoveryCodeError> {
    let mut symbols = Zeroizing::new(Vec::with_capacity(SYMBOLS));
    for (index, c) in input.chars().enumerate() {
        if c.is_whitespace() || matches!(c, '-' | '‐' | '–' | '—') {
            continue;
        }
        let symbol = symbol_of(c).ok_or(RecoveryCodeError::Character {
            position: index + 1,
        })?;
        symbols.push(symbol);
    }
    if symbols.len() != SYMBOLS {
        return Err(RecoveryCodeError::Length {
            found: symbols.len(),
        });
    }
    let mut data = Zeroizing::new(Vec::with_capacity(52));
    for (index, group) in symbols.chunks_exact(5).enumerate() {
        let group_data = [group[0], group[1], group[2], group[3]];
        if gf32::check(u8::try_from(index).unwrap_or(0), group_data) != group[4] {
            return Err(RecoveryCodeError::Group { group: index + 1 });
        }
        data.extend_from_slice(&group_data);
    }
    let (mut acc, mut bits) = (0u32, 0u32);
    let mut code = [0u8; 32];
    let mut bytes = code.iter_mut();
    for symbol in data.iter() {
        acc = (acc << 5) | u32::from(*symbol);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            if let Some(byte) = bytes.next() {
                *byte = u8::try_from((acc >> bits) & 0xff).unwrap_or(0);
            }
        }
    }
    // 260 bits: 32 full bytes, then the 4 check bits are left in `acc`.
    let tail = u8::try_from(acc & 0x0f).unwrap_or(0);
    acc.zeroize();
    if tail != whole_code_check(&code) {
        code.zeroize();
        return Err(RecoveryCodeError::Checksum);
    }
    Ok(code)
}
