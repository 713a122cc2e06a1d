//! Server-side sealing at rest: values the *server* must read again later (so they cannot be
//! sealed to a practice key the server never holds), but that a stolen database or backup must
//! not give away. The key is derived (HKDF-SHA256) from the deployment secret
//! (`DERMA_SERVER_SECRET`), which lives in the servers' settings and never in the database; each
//! purpose has its own label from the registry (`hazmat::kdf::labels`), so a key serves one
//! purpose only.
//!
//! Text form (`docs/crypto.md` §13): `atrest.v1.` ‖ base64url-unpadded(nonce (12) ‖ AES-256-GCM
//! ciphertext ‖ tag (16)). AAD = purpose label ‖ `0x01` (the version) ‖ the caller's AAD, which
//! names where the value is stored (row and column), so a sealed value moved to another row or
//! column does not open.
//!
//! Nonces are random (96 bits). One deployment secret may seal far fewer than the 2^32 messages
//! NIST SP 800-38D allows with random nonces under one key (a handful per queued mail).
//!
//! This protects against a database thief, not against someone who also holds the server's
//! settings: it is not end-to-end encryption, and is used only for what the server itself must
//! send (deferred mail), never for patient content.

use core::fmt;

use rand_core::CryptoRng;
use zeroize::Zeroizing;

use crate::envelope::text;
use crate::error::{CryptoError, EnvelopeError};
use crate::hazmat::aead::{self, NONCE_LEN, TAG_LEN};
use crate::hazmat::kdf::{self, labels};
use crate::rng;
use crate::secret::Key32;

const VERSION: u8 = 1;

/// What an [`AtRestKey`] is for: one label of the registry each, so keys of two purposes are
/// unrelated. Only the constants below exist; no caller can invent a label.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct AtRestLabel(&'static [u8]);

impl AtRestLabel {
    /// Deferred outbox mail (consent reminders): its recipient address and body.
    pub const OUTBOX_MAIL: Self = Self(labels::AT_REST_OUTBOX_MAIL);
}

impl fmt::Debug for AtRestLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AtRestLabel({})", String::from_utf8_lossy(self.0))
    }
}

/// A key for sealing values at rest on the server, derived from the deployment secret for one
/// [`AtRestLabel`]. Zeroized on drop, prints as `***`, neither `Clone` nor `Serialize`.
pub struct AtRestKey {
    key: Key32,
    label: AtRestLabel,
}

impl AtRestKey {
    /// Every sealed text starts with this (the migration's checks rely on it).
    pub const TEXT_PREFIX: &'static str = "atrest.v1.";

    /// HKDF-SHA256(salt = empty, ikm = `server_secret`, info = the label).
    pub fn derive(server_secret: &[u8; 32], label: AtRestLabel) -> Self {
        Self {
            key: kdf::derive(&[], server_secret, &[label.0]),
            label,
        }
    }

    fn aad(&self, aad: &[u8]) -> Vec<u8> {
        [self.label.0, &[VERSION], aad].concat()
    }

    /// Seals `plaintext` bound to `aad` (where it is stored), with a fresh random nonce.
    pub fn seal(&self, plaintext: &[u8], aad: &[u8]) -> String {
        self.seal_with(&mut rng::os(), plaintext, aad)
    }

    pub(crate) fn seal_with(
        &self,
        rng: &mut impl CryptoRng,
        plaintext: &[u8],
        aad: &[u8],
    ) -> String {
        let nonce: [u8; NONCE_LEN] = rng::array(rng);
        let sealed = aead::seal(self.key.expose(), &nonce, plaintext, &self.aad(aad));
        let mut out = String::from(Self::TEXT_PREFIX);
        out.push_str(&text::encode(&[&nonce[..], &sealed].concat()));
        out
    }

    /// Opens what [`AtRestKey::seal`] made with a key of the same secret and label, for the same
    /// `aad`. A wrong key, label or AAD and any change to the text are one error
    /// ([`CryptoError::Decrypt`]); text that is not a sealed value at all is
    /// [`CryptoError::InvalidText`] or an [`EnvelopeError`].
    pub fn open(&self, sealed: &str, aad: &[u8]) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
        let body = sealed
            .strip_prefix(Self::TEXT_PREFIX)
            .ok_or(CryptoError::InvalidText("value sealed at rest"))?;
        let bytes = text::decode(body)?;
        if bytes.len() < NONCE_LEN + TAG_LEN {
            return Err(EnvelopeError::Truncated.into());
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_LEN);
        let nonce: &[u8; NONCE_LEN] = nonce.try_into().map_err(|_| CryptoError::Decrypt)?;
        aead::open(self.key.expose(), nonce, ciphertext, &self.aad(aad))
    }
}

impl fmt::Debug for AtRestKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AtRestKey(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::TestRng;

    const SECRET: [u8; 32] = [7; 32];
    const AAD: &[u8] = b"email_outbox/body_text/0123456789abcdef";
    /// A second purpose, only to show that keys of two labels are unrelated.
    const OTHER: AtRestLabel = AtRestLabel(b"derma-consent/v1/at-rest/test-only");

    fn key() -> AtRestKey {
        AtRestKey::derive(&SECRET, AtRestLabel::OUTBOX_MAIL)
    }

    #[test]
    fn round_trip_with_a_fresh_nonce_each_time() {
        let key = key();
        let plain = "Guten Tag, https://praxis.example/c#abc".as_bytes();
        let sealed = key.seal(plain, AAD);
        assert!(sealed.starts_with(AtRestKey::TEXT_PREFIX), "{sealed}");
        assert!(!sealed.contains("praxis"), "{sealed}");
        assert_eq!(key.open(&sealed, AAD).expect("opens").as_slice(), plain);
        assert_ne!(sealed, key.seal(plain, AAD), "fresh nonce");
        // The same secret and label derive the same key (every server of a deployment).
        let again = AtRestKey::derive(&SECRET, AtRestLabel::OUTBOX_MAIL);
        assert_eq!(again.open(&sealed, AAD).expect("opens").as_slice(), plain);
        let empty = key.seal(b"", AAD);
        assert!(key.open(&empty, AAD).expect("opens").is_empty());
    }

    #[test]
    fn a_wrong_key_label_or_aad_does_not_open() {
        let sealed = key().seal(b"patientin@example.org", AAD);
        let other_secret = AtRestKey::derive(&[8; 32], AtRestLabel::OUTBOX_MAIL);
        assert_eq!(other_secret.open(&sealed, AAD), Err(CryptoError::Decrypt));
        let other_label = AtRestKey::derive(&SECRET, OTHER);
        assert_eq!(other_label.open(&sealed, AAD), Err(CryptoError::Decrypt));
        assert_eq!(
            key().open(&sealed, b"email_outbox/to_address/0123456789abcdef"),
            Err(CryptoError::Decrypt)
        );
        assert_eq!(key().open(&sealed, b""), Err(CryptoError::Decrypt));
    }

    #[test]
    fn every_tampered_byte_and_malformed_text_is_refused() {
        let key = key();
        let sealed = key.seal(b"secret body", AAD);
        let bytes = text::decode(&sealed[AtRestKey::TEXT_PREFIX.len()..]).expect("base64url");
        for i in 0..bytes.len() {
            let mut flipped = bytes.clone();
            flipped[i] ^= 0x01;
            let text = format!("{}{}", AtRestKey::TEXT_PREFIX, text::encode(&flipped));
            assert_eq!(key.open(&text, AAD), Err(CryptoError::Decrypt), "byte {i}");
        }
        let truncated = format!(
            "{}{}",
            AtRestKey::TEXT_PREFIX,
            text::encode(&bytes[..NONCE_LEN + TAG_LEN - 1])
        );
        assert_eq!(
            key.open(&truncated, AAD),
            Err(CryptoError::Envelope(EnvelopeError::Truncated))
        );
        let cut = &sealed[..sealed.len() - 4];
        assert!(key.open(cut, AAD).is_err());
        assert_eq!(
            key.open(&sealed.replacen("v1", "v2", 1), AAD),
            Err(CryptoError::InvalidText("value sealed at rest"))
        );
        assert_eq!(
            key.open("patientin@example.org", AAD),
            Err(CryptoError::InvalidText("value sealed at rest"))
        );
        assert_eq!(
            key.open(&format!("{sealed}="), AAD),
            Err(CryptoError::Envelope(EnvelopeError::BadText))
        );
        assert_eq!(
            key.open(&format!("{sealed} "), AAD),
            Err(CryptoError::Envelope(EnvelopeError::BadText))
        );
    }

    #[test]
    fn keys_and_labels_print_without_secrets() {
        assert_eq!(format!("{:?}", key()), "AtRestKey(***)");
        assert_eq!(
            format!("{:?}", AtRestLabel::OUTBOX_MAIL),
            "AtRestLabel(derma-consent/v1/at-rest/outbox-mail)"
        );
    }

    #[test]
    fn golden_vector() {
        let key = key();
        let sealed = key.seal_with(&mut TestRng::new(13), b"reminder", AAD);
        assert_eq!(sealed, GOLDEN);
        assert_eq!(
            key.open(GOLDEN, AAD)
                .expect("the frozen format still opens")
                .as_slice(),
            b"reminder"
        );
    }

    /// Reproduced independently (Python `cryptography`: HKDF-SHA256 with an empty salt, AESGCM).
    const GOLDEN: &str = "atrest.v1.cIMlKkjFW1y9I8PYnWJu00ol3am9ViI5wuysQ880xq1NBxtN";
}
