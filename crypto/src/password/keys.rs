//! Password → Argon2id (once) → HKDF → login key + wrap key. The password is normalised to
//! Unicode NFC first (as the PRECIS `OpaqueString` profile, RFC 8265), so the same password typed on a Mac and
//! on Windows gives the same keys; nothing is trimmed or case-folded.

use core::fmt;

use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use super::KdfParams;
use crate::envelope::text;
use crate::error::CryptoError;
use crate::hazmat::argon2id;
use crate::hazmat::kdf::{self, labels};
use crate::secret::Key32;

/// Both keys derived from one password.
pub struct PasswordKeys {
    login: LoginKey,
    wrap: WrapKey,
}

impl PasswordKeys {
    /// Runs Argon2id with `params` (about 0.3 s in WASM with the defaults) and splits the result.
    pub fn derive(password: &str, params: &KdfParams) -> Result<Self, CryptoError> {
        let normalized: Zeroizing<String> = Zeroizing::new(password.nfc().collect());
        let [memory_kib, iterations, parallelism] = params.numbers();
        let stretched = argon2id::derive(
            normalized.as_bytes(),
            params.salt(),
            memory_kib,
            iterations,
            parallelism,
        )
        .ok_or(CryptoError::KdfTooCostly {
            memory_kib,
            iterations,
            parallelism,
        })?;
        Ok(Self {
            login: LoginKey(kdf::derive(
                &[],
                stretched.expose(),
                &[labels::PASSWORD_LOGIN],
            )),
            wrap: WrapKey {
                key: kdf::derive(&[], stretched.expose(), &[labels::PASSWORD_WRAP]),
                params: *params,
            },
        })
    }

    pub fn login_key(&self) -> &LoginKey {
        &self.login
    }

    pub fn wrap_key(&self) -> &WrapKey {
        &self.wrap
    }

    pub fn into_parts(self) -> (LoginKey, WrapKey) {
        (self.login, self.wrap)
    }
}

impl fmt::Debug for PasswordKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PasswordKeys").finish_non_exhaustive()
    }
}

/// Sent to the server at login (text form), which keeps only [`super::LoginVerifier`] of it.
pub struct LoginKey(Key32);

impl LoginKey {
    /// Unpadded base64url, 43 characters.
    pub fn to_text(&self) -> Zeroizing<String> {
        Zeroizing::new(text::encode(self.0.expose()))
    }

    /// The server side: parses what the client sent.
    pub fn from_text(input: &str) -> Result<Self, CryptoError> {
        let bytes =
            Zeroizing::new(text::decode(input).map_err(|_| CryptoError::InvalidText("login key"))?);
        Key32::from_slice(&bytes)
            .map(Self)
            .ok_or(CryptoError::InvalidText("login key"))
    }

    pub(crate) fn secret(&self) -> &Key32 {
        &self.0
    }
}

impl fmt::Debug for LoginKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LoginKey(***)")
    }
}

/// Never leaves the browser. Remembers the parameters it came from, so a wrap records them and
/// an unwrap can tell a parameter mismatch from a wrong password.
pub struct WrapKey {
    key: Key32,
    params: KdfParams,
}

impl WrapKey {
    pub fn params(&self) -> &KdfParams {
        &self.params
    }

    pub(crate) fn secret(&self) -> &Key32 {
        &self.key
    }
}

impl fmt::Debug for WrapKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WrapKey")
            .field("params", &self.params)
            .field("key", &self.key)
            .finish()
    }
}
