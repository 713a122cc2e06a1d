//! Server side of login: the server stores an Argon2id PHC string of the login key (ASVS 11.4.2)
//! and never the key itself. The login key already carries 256 bits of entropy, so the server uses
//! the argon2 crate's defaults (m = 19 MiB, t = 2, p = 1, OWASP's minimum) rather than the
//! client's heavier parameters: this hash slows nothing an attacker could guess.

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;

use super::LoginKey;
use crate::error::CryptoError;
use crate::rng;

/// A PHC string such as `$argon2id$v=19$m=19456,t=2,p=1$...`, safe to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginVerifier(String);

impl LoginVerifier {
    /// Hashes a login key with a fresh 16-byte salt.
    pub fn create(login_key: &LoginKey) -> Self {
        let salt: [u8; 16] = rng::array(&mut rng::os());
        let hash = Argon2::default()
            .hash_password_with_salt(login_key.secret().expose(), &salt)
            .unwrap_or_else(|_| unreachable!("default parameters and a 16-byte salt are valid"));
        Self(hash.to_string())
    }

    /// Reads a stored PHC string (checked when verifying).
    pub fn from_stored(phc: impl Into<String>) -> Self {
        Self(phc.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `login_key` matches. A malformed stored string is an error, not a mismatch.
    pub fn verify(&self, login_key: &LoginKey) -> Result<bool, CryptoError> {
        let argon = Argon2::default();
        match argon.verify_password(login_key.secret().expose(), self.0.as_str()) {
            Ok(()) => Ok(true),
            Err(argon2::password_hash::Error::PasswordInvalid) => Ok(false),
            Err(_) => Err(CryptoError::InvalidText("login verifier")),
        }
    }
}
