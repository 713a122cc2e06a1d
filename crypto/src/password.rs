//! Staff passwords: one Argon2id run, then HKDF into two independent keys (DESIGN §4.2,
//! security-anchors §1.6b). The login key goes to the server, which stores only an Argon2id hash
//! of it ([`LoginVerifier`]); the wrap key never leaves the browser and wraps the master key and
//! the member's own private key. Knowing the login key (the server does) reveals nothing about
//! the wrap key: they are separate HKDF outputs of a secret the server never sees.

mod keys;
mod params;
mod verifier;

pub use keys::{LoginKey, PasswordKeys, WrapKey};
pub use params::KdfParams;
pub use verifier::LoginVerifier;
