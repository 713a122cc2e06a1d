//! One-time recovery codes for a lost authenticator: 120 random bits, printed as six groups of
//! four Crockford base32 characters. The server stores only SHA-256 of the code's bytes (with a
//! label): 120 bits of entropy make an unsalted hash safe (ASVS 6.5.2 asks for 112).

use core::fmt;

use rand_core::CryptoRng;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::base32::{self, CROCKFORD};
use crate::hazmat::kdf::{self, labels};
use crate::rng;
use crate::token::TokenHash;

pub const RECOVERY_CODE_BITS: usize = 120;
const BYTES: usize = RECOVERY_CODE_BITS / 8;
const SYMBOLS: usize = RECOVERY_CODE_BITS / 5;
const GROUP: usize = 4;

pub struct TwoFactorRecoveryCode(Box<[u8; BYTES]>);

impl TwoFactorRecoveryCode {
    pub fn generate() -> Self {
        Self::generate_with(&mut rng::os())
    }

    pub(crate) fn generate_with(rng: &mut impl CryptoRng) -> Self {
        let mut code = Self(Box::new([0u8; BYTES]));
        rng.fill_bytes(&mut code.0[..]);
        code
    }

    /// `XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`, to show once.
    pub fn to_printable(&self) -> Zeroizing<String> {
        let plain = base32::encode(&self.0[..], CROCKFORD);
        let mut text = Zeroizing::new(String::with_capacity(SYMBOLS + SYMBOLS / GROUP));
        for (index, c) in plain.chars().enumerate() {
            if index > 0 && index % GROUP == 0 {
                text.push('-');
            }
            text.push(c);
        }
        text
    }

    /// Reads a typed code: case, spaces and dashes are ignored, O reads as 0 and I, L as 1.
    /// `None` unless it is exactly a code's 24 characters.
    pub fn parse(typed: &str) -> Option<Self> {
        let mut symbols = Zeroizing::new(Vec::with_capacity(SYMBOLS));
        for c in typed.chars().filter(|c| !c.is_whitespace() && *c != '-') {
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            };
            let position = CROCKFORD.iter().position(|&a| char::from(a) == c)?;
            symbols.push(u8::try_from(position).ok()?);
        }
        if symbols.len() != SYMBOLS {
            return None;
        }
        let mut bytes = base32::decode_symbols(symbols.iter().copied())?;
        let array: Option<[u8; BYTES]> = bytes.as_slice().try_into().ok();
        bytes.zeroize();
        array.map(|mut a| {
            let code = Self(Box::new(a));
            a.zeroize();
            code
        })
    }

    /// What the server stores and looks up.
    pub fn hash(&self) -> TokenHash {
        TokenHash::from_bytes(kdf::sha256(&[labels::TWO_FACTOR_RECOVERY, &self.0[..]]))
    }
}

impl Drop for TwoFactorRecoveryCode {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl ZeroizeOnDrop for TwoFactorRecoveryCode {}

impl fmt::Debug for TwoFactorRecoveryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TwoFactorRecoveryCode(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{hex, TestRng};

    #[test]
    fn codes_print_in_six_groups_and_parse_back_forgivingly() {
        let code = TwoFactorRecoveryCode::generate_with(&mut TestRng::new(3));
        let printed = code.to_printable();
        assert_eq!(printed.len(), 29);
        assert!(printed
            .split('-')
            .all(|g| g.len() == 4 && g.bytes().all(|b| CROCKFORD.contains(&b))));
        let sloppy = printed.replace('-', " ").to_lowercase().replace('0', "o");
        let back = TwoFactorRecoveryCode::parse(&sloppy).expect("parses");
        assert_eq!(back.hash(), code.hash());
        assert_eq!(format!("{code:?}"), "TwoFactorRecoveryCode(***)");
    }

    #[test]
    fn near_misses_are_no_code() {
        let printed = TwoFactorRecoveryCode::generate_with(&mut TestRng::new(4)).to_printable();
        for bad in [
            String::new(),
            printed[..28].to_owned(),
            format!("{}0", printed.as_str()),
            printed.replacen(|c: char| c.is_ascii_alphanumeric(), "U", 1),
            "123456".to_owned(),
        ] {
            assert!(TwoFactorRecoveryCode::parse(&bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn golden_hash() {
        let code = TwoFactorRecoveryCode::parse("0000-0000-0000-0000-0000-0001").expect("code");
        assert_eq!(code.0[BYTES - 1], 1);
        assert_eq!(hex(code.hash().as_bytes()), GOLDEN_HASH);
    }

    const GOLDEN_HASH: &str = "2a1ceb45e15f21d282031951925b54b61929b5b594098a74f06d870123ab7115";
}
