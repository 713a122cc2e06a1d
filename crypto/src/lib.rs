//! Zero-knowledge core of Derma Consent (DESIGN §4): the only place that does cryptography.
//! Pure (no I/O, no Leptos, no tokio); builds for `wasm32-unknown-unknown` and natively.
//!
//! The public API is small and typed: keys ([`PracticeMasterKey`], [`InboxKeyPair`],
//! [`MemberKeyPair`], [`BlindIndexKey`], [`ContentKey`]) with seal/open, wrap/unwrap, derive and
//! blind-index methods; versioned [envelopes](Envelope) with one byte and one text form; and
//! typed errors. Raw primitives stay in the private `hazmat` module. Secret types zeroize on drop,
//! print as `***`, and are neither `Clone`, `Copy` nor `Serialize`. The threat model, the key
//! hierarchy and every byte of every format are in `docs/crypto.md`; why it is built this way is
//! in `docs/decisions/0002-crypto-construction.md`.
//!
//! The crate does not depend on serde, so no secret can be made `Serialize` (the orphan rule
//! forbids it elsewhere), and these do not compile:
//!
//! ```compile_fail
//! fn needs_clone<T: Clone>() {}
//! needs_clone::<crypto::PracticeMasterKey>();
//! ```
//! ```compile_fail
//! fn needs_clone<T: Clone>() {}
//! needs_clone::<crypto::InboxKeyPair>();
//! ```
//! ```compile_fail
//! fn needs_clone<T: Clone>() {}
//! needs_clone::<crypto::ContentKey>();
//! ```
//! ```compile_fail
//! fn needs_copy<T: Copy>() {}
//! needs_copy::<crypto::Token>();
//! ```
//! ```compile_fail
//! fn needs_clone<T: Clone>() {}
//! needs_clone::<crypto::RecoveryCode>();
//! ```
//! ```compile_fail
//! fn needs_clone<T: Clone>() {}
//! needs_clone::<crypto::WrapKey>();
//! ```
//! ```compile_fail
//! fn needs_clone<T: Clone>() {}
//! needs_clone::<crypto::TotpSecret>();
//! ```
//! ```compile_fail
//! fn needs_clone<T: Clone>() {}
//! needs_clone::<crypto::AtRestKey>();
//! ```
//! ```
//! // The public halves are ordinary values.
//! fn needs_clone<T: Clone>() {}
//! needs_clone::<crypto::InboxPublicKey>();
//! ```

mod at_rest;
mod blind_index;
mod envelope;
mod error;
mod hazmat;
mod ids;
mod keys;
mod object;
mod password;
mod recovery_code;
mod rng;
mod secret;
mod submission;
mod token;
mod totp;
mod wrap;

#[cfg(test)]
mod golden;
#[cfg(test)]
mod testing;

pub use at_rest::{AtRestKey, AtRestLabel};
pub use blind_index::{
    canonical_email, canonical_name, BirthDate, BlindIndex, BlindIndexError, BlindIndexKey,
    BLIND_INDEX_BITS, BLIND_INDEX_SCHEME,
};
pub use envelope::{
    Envelope, EnvelopeKind, KeyShareEnvelope, KeyType, KeyWrapEnvelope, ObjectEnvelope,
    PasswordWrapEnvelope, RecoveryWrapEnvelope, SubmissionEnvelope, Suite,
};
pub use error::{CryptoError, EnvelopeError};
pub use ids::{ConsentId, FormHash, ObjectId, PracticeId, SubmissionId, UserId};
pub use keys::{
    Fingerprint, Inbox, InboxKeyPair, InboxPublicKey, KeyPair, Member, MemberKeyPair,
    MemberPublicKey, PracticeMasterKey, PublicKey, Role,
};
pub use object::{ContentKey, ObjectContext};
pub use password::{KdfParams, LoginKey, LoginVerifier, PasswordKeys, WrapKey};
pub use recovery_code::{RecoveryCode, RecoveryCodeError};
pub use submission::SubmissionContext;
pub use token::{Token, TokenHash};
pub use totp::{
    TotpSealKey, TotpSecret, TwoFactorRecoveryCode, RECOVERY_CODE_BITS, TOTP_DIGITS,
    TOTP_SECRET_LEN, TOTP_STEP_SECS,
};
pub use zeroize::Zeroizing;
