//! AES-256-GCM (aes-gcm crate) with 96-bit nonces. Callers draw a fresh random nonce for every
//! message; keys here encrypt few messages (one per wrap, a handful of fields per content key),
//! far below the 2^32 random-nonce limit of NIST SP 800-38D.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::Aes256Gcm;
use zeroize::Zeroizing;

use crate::error::CryptoError;

pub(crate) const NONCE_LEN: usize = 12;
pub(crate) const TAG_LEN: usize = 16;

fn cipher(key: &[u8; 32]) -> Aes256Gcm {
    Aes256Gcm::new(key.into())
}

pub(crate) fn seal(
    key: &[u8; 32],
    nonce: &[u8; NONCE_LEN],
    plaintext: &[u8],
    aad: &[u8],
) -> Vec<u8> {
    let payload = Payload {
        msg: plaintext,
        aad,
    };
    // Encryption fails only beyond GCM's length limit (64 GiB), which no caller reaches.
    cipher(key)
        .encrypt(nonce.into(), payload)
        .unwrap_or_else(|_| unreachable!("AES-GCM input longer than 64 GiB"))
}

pub(crate) fn open(
    key: &[u8; 32],
    nonce: &[u8; NONCE_LEN],
    ciphertext: &[u8],
    aad: &[u8],
) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    let payload = Payload {
        msg: ciphertext,
        aad,
    };
    cipher(key)
        .decrypt(nonce.into(), payload)
        .map(Zeroizing::new)
        .map_err(|_| CryptoError::Decrypt)
}
