//! Raw primitives, private to the crate (the "hazmat" layer of STYLE rule 3). Only the typed
//! modules above it decide keys, nonces, labels and associated data; nothing outside the crate can
//! call AES-GCM, HKDF, HMAC, Argon2id or HPKE directly, so nothing outside can misuse them.

pub(crate) mod aead;
pub(crate) mod argon2id;
pub(crate) mod hpke;
pub(crate) mod kdf;
