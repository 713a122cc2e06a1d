//! Bearer tokens for patient links, invites and password resets (DESIGN §4.5): 32 random bytes,
//! shown as 43 characters of unpadded base64url; the server stores only SHA-256 of the 32 bytes.
//! SHA-256 without a key or salt is enough here because the input has 256 bits of entropy
//! (ASVS 6.5.2 allows it from 112 bits): a stolen table of hashes cannot be reversed.

use core::fmt;

use rand_core::CryptoRng;
use zeroize::Zeroizing;

use crate::envelope::text;
use crate::error::CryptoError;
use crate::hazmat::kdf;
use crate::rng;
use crate::secret::Key32;

pub struct Token(Key32);

impl Token {
    pub fn generate() -> Self {
        Self::generate_with(&mut rng::os())
    }

    pub(crate) fn generate_with(rng: &mut impl CryptoRng) -> Self {
        Self(Key32::random(rng))
    }

    /// For the link (in the URL fragment) or the email.
    pub fn to_text(&self) -> Zeroizing<String> {
        Zeroizing::new(text::encode(self.0.expose()))
    }

    /// Parses what a client presented; anything but 43 canonical base64url characters is refused.
    pub fn from_text(input: &str) -> Result<Self, CryptoError> {
        let bytes =
            Zeroizing::new(text::decode(input).map_err(|_| CryptoError::InvalidText("token"))?);
        Key32::from_slice(&bytes)
            .map(Self)
            .ok_or(CryptoError::InvalidText("token"))
    }

    /// The PKCE S256 challenge (RFC 7636 §4.2) of this token's text used as the code
    /// verifier: base64url of SHA-256 over the 43 characters.
    pub fn pkce_challenge(&self) -> String {
        text::encode(&kdf::sha256(&[self.to_text().as_bytes()]))
    }

    /// What the server stores and looks up.
    pub fn hash(&self) -> TokenHash {
        TokenHash(kdf::sha256(&[self.0.expose()]))
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(***)")
    }
}

/// SHA-256 of a token. Not secret; compared by the database.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct TokenHash([u8; 32]);

impl TokenHash {
    pub const fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Debug for TokenHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TokenHash(")?;
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))?;
        f.write_str(")")
    }
}

#[cfg(test)]
mod tests {
    use super::Token;

    /// RFC 7636 Appendix B.
    #[test]
    fn pkce_challenge_matches_the_rfc_example() {
        let verifier =
            Token::from_text("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").expect("43 characters");
        assert_eq!(
            verifier.pkce_challenge(),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }
}
