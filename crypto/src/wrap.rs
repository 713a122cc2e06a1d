//! Wrapping 32-byte keys: AES-256-GCM under a key-encryption key, with a fresh random nonce and
//! an AAD of `label ‖ envelope prefix ‖ context ids`. The prefix (header and plain fields) is in
//! the AAD, so a changed version, key type or Argon2id parameter fails like a wrong key. Each file
//! below adds one way to wrap (DESIGN §4.2): password, recovery code, HPKE share to a member,
//! and keys under the master key.

pub(crate) mod master;
pub(crate) mod password;
pub(crate) mod recovery;
pub(crate) mod share;

use rand_core::CryptoRng;

use crate::envelope::SEALED_KEY_LEN;
use crate::error::CryptoError;
use crate::hazmat::aead::{self, NONCE_LEN};
use crate::rng;
use crate::secret::Key32;

pub(crate) fn aad(label: &[u8], prefix: &[u8], context: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::with_capacity(label.len() + prefix.len() + 32);
    out.extend_from_slice(label);
    out.extend_from_slice(prefix);
    for part in context {
        out.extend_from_slice(part);
    }
    out
}

pub(crate) fn nonce(rng: &mut impl CryptoRng) -> [u8; NONCE_LEN] {
    rng::array(rng)
}

pub(crate) fn seal_key(
    kek: &Key32,
    nonce: &[u8; NONCE_LEN],
    key: &Key32,
    aad: &[u8],
) -> [u8; SEALED_KEY_LEN] {
    let sealed = aead::seal(kek.expose(), nonce, key.expose(), aad);
    sealed
        .try_into()
        .unwrap_or_else(|_| unreachable!("32-byte key + 16-byte tag"))
}

pub(crate) fn open_key(
    kek: &Key32,
    nonce: &[u8; NONCE_LEN],
    sealed: &[u8; SEALED_KEY_LEN],
    aad: &[u8],
) -> Result<Key32, CryptoError> {
    let opened = aead::open(kek.expose(), nonce, sealed, aad)?;
    Key32::from_slice(&opened).ok_or(CryptoError::Decrypt)
}
