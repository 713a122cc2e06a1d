//! X25519 key pairs for HPKE, typed by role: the practice inbox (patients seal submissions to it)
//! and each team member (an admin seals the master key to it on invite). One implementation, two
//! types (`Role` is sealed), so an inbox key can never be used where a member key is expected.
//!
//! The public key's envelope (kind 0x10, suite 0x0001) is
//! `header (key version) | role (1: 0x01 inbox, 0x02 member) | X25519 public key (32)`.

use core::fmt;
use core::marker::PhantomData;

use rand_core::CryptoRng;

use super::Fingerprint;
use crate::envelope::{text, EnvelopeKind, Header, KeyType, Reader};
use crate::error::EnvelopeError;
use crate::hazmat::hpke;
use crate::rng;
use crate::secret::Key32;

mod sealed {
    pub trait Sealed {}
}

/// Who a key pair belongs to.
pub trait Role: sealed::Sealed {
    #[doc(hidden)]
    const BYTE: u8;
    #[doc(hidden)]
    const KEY_TYPE: KeyType;
    #[doc(hidden)]
    const NAME: &'static str;
}

/// The practice inbox (DESIGN §4.1): patients and kiosks hold only its public key.
pub enum Inbox {}
/// A team member's own key pair, for receiving the master key on invite.
pub enum Member {}

impl sealed::Sealed for Inbox {}
impl sealed::Sealed for Member {}
impl Role for Inbox {
    const BYTE: u8 = 0x01;
    const KEY_TYPE: KeyType = KeyType::InboxKey;
    const NAME: &'static str = "InboxKeyPair";
}
impl Role for Member {
    const BYTE: u8 = 0x02;
    const KEY_TYPE: KeyType = KeyType::MemberKey;
    const NAME: &'static str = "MemberKeyPair";
}

pub type InboxKeyPair = KeyPair<Inbox>;
pub type InboxPublicKey = PublicKey<Inbox>;
pub type MemberKeyPair = KeyPair<Member>;
pub type MemberPublicKey = PublicKey<Member>;

/// A private key with its public key and version. Zeroized on drop, printed redacted, not
/// `Clone` (share with `Rc`/`Arc`).
pub struct KeyPair<R: Role> {
    secret: Key32,
    public: PublicKey<R>,
}

impl<R: Role> KeyPair<R> {
    pub fn generate(version: u32) -> Self {
        Self::generate_with(version, &mut rng::os())
    }

    pub(crate) fn generate_with(version: u32, rng: &mut impl CryptoRng) -> Self {
        let (secret, public) = hpke::generate(rng);
        Self {
            secret,
            public: PublicKey::from_raw(public, version),
        }
    }

    /// Rebuilds a key pair from an unwrapped private key.
    pub(crate) fn from_secret(secret: Key32, version: u32) -> Option<Self> {
        let public = hpke::public_key(&secret)?;
        Some(Self {
            secret,
            public: PublicKey::from_raw(public, version),
        })
    }

    pub fn public_key(&self) -> &PublicKey<R> {
        &self.public
    }

    pub fn version(&self) -> u32 {
        self.public.version
    }

    pub(crate) fn secret(&self) -> &Key32 {
        &self.secret
    }
}

impl<R: Role> fmt::Debug for KeyPair<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct(R::NAME)
            .field("version", &self.public.version)
            .field("public", &self.public.fingerprint())
            .field("secret", &self.secret)
            .finish()
    }
}

/// A public key and its version. Not secret: `Clone`, comparable, printable.
pub struct PublicKey<R: Role> {
    bytes: [u8; 32],
    version: u32,
    role: PhantomData<fn() -> R>,
}

impl<R: Role> PublicKey<R> {
    /// From the raw X25519 bytes and the version stored next to them.
    pub fn from_raw(bytes: [u8; 32], version: u32) -> Self {
        Self {
            bytes,
            version,
            role: PhantomData,
        }
    }

    /// The raw X25519 public key.
    pub fn as_raw(&self) -> &[u8; 32] {
        &self.bytes
    }

    pub fn version(&self) -> u32 {
        self.version
    }

    /// What two people compare before trusting this key.
    pub fn fingerprint(&self) -> Fingerprint {
        Fingerprint::of(R::BYTE, self.version, &self.bytes)
    }

    /// The envelope byte form (kind 0x10).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(42);
        Header {
            kind: EnvelopeKind::PublicKey,
            key_version: self.version,
        }
        .write(&mut out);
        out.push(R::BYTE);
        out.extend_from_slice(&self.bytes);
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, EnvelopeError> {
        let mut r = Reader::new(bytes);
        let header = Header::read(&mut r)?;
        if header.kind != EnvelopeKind::PublicKey {
            return Err(EnvelopeError::WrongKind {
                expected: EnvelopeKind::PublicKey,
                found: header.kind,
            });
        }
        let role = r.u8()?;
        if role != R::BYTE {
            return Err(EnvelopeError::WrongRole(role));
        }
        let key = r.array()?;
        if !r.is_empty() {
            return Err(EnvelopeError::BadLength {
                kind: EnvelopeKind::PublicKey,
            });
        }
        Ok(Self::from_raw(key, header.key_version))
    }

    pub fn to_text(&self) -> String {
        text::encode(&self.to_bytes())
    }

    pub fn from_text(input: &str) -> Result<Self, EnvelopeError> {
        Self::from_bytes(&text::decode(input)?)
    }
}

impl<R: Role> Clone for PublicKey<R> {
    fn clone(&self) -> Self {
        Self::from_raw(self.bytes, self.version)
    }
}

impl<R: Role> PartialEq for PublicKey<R> {
    fn eq(&self, other: &Self) -> bool {
        self.bytes == other.bytes && self.version == other.version
    }
}

impl<R: Role> Eq for PublicKey<R> {}

impl<R: Role> fmt::Debug for PublicKey<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PublicKey")
            .field("role", &R::BYTE)
            .field("version", &self.version)
            .field("fingerprint", &self.fingerprint())
            .finish_non_exhaustive()
    }
}
