//! The wire formats. Every ciphertext (and the two public records that travel with them: public
//! keys and Argon2id parameters) is an envelope: a 9-byte header (magic 0xDC, format version,
//! kind, suite id, key version) followed by kind-specific fields. One byte form, one text form
//! (unpadded base64url of the bytes). The byte-by-byte layout of each kind is in
//! `docs/crypto.md` ("Formats"), and a golden-vector test per kind (`src/golden.rs`) breaks if a
//! byte moves. Parsing never panics: it returns [`EnvelopeError`](crate::EnvelopeError).

mod any;
pub(crate) mod codec;
mod header;
mod key_share;
mod key_wrap;
mod kind;
mod object;
mod password_wrap;
mod reader;
mod recovery_wrap;
mod submission;
pub(crate) mod text;
pub(crate) mod wrapped;

pub use any::Envelope;
pub use key_share::KeyShareEnvelope;
pub use key_wrap::KeyWrapEnvelope;
pub use kind::{EnvelopeKind, KeyType, Suite};
pub use object::ObjectEnvelope;
pub use password_wrap::PasswordWrapEnvelope;
pub use recovery_wrap::RecoveryWrapEnvelope;
pub use submission::SubmissionEnvelope;

pub(crate) use header::Header;
pub(crate) use reader::Reader;

/// A 32-byte key sealed with AES-256-GCM or HPKE: 32 bytes + 16-byte tag.
pub(crate) const SEALED_KEY_LEN: usize = 48;
