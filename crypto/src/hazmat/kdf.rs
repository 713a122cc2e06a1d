//! HKDF-SHA256 (RFC 5869), HMAC-SHA256 and SHA-256. Every derived key gets its own `info` label
//! (see `labels`), so no key is ever used for two purposes.

use hkdf::Hkdf;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

use crate::secret::Key32;

/// HKDF-Extract then Expand to one 32-byte key.
pub(crate) fn derive(salt: &[u8], ikm: &[u8], info: &[&[u8]]) -> Key32 {
    Key32::fill_with(|okm| {
        Hkdf::<Sha256>::new(Some(salt), ikm)
            .expand_multi_info(info, okm)
            .unwrap_or_else(|_| unreachable!("32 bytes is a valid HKDF-SHA256 output length"));
    })
}

pub(crate) fn hmac(key: &[u8; 32], message: &[u8]) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(message);
    mac.finalize().into_bytes().into()
}

/// HMAC-SHA1, for TOTP only (RFC 6238 as authenticator apps implement it). SHA-1's collision
/// weakness does not touch HMAC's use as a PRF.
pub(crate) fn hmac_sha1(key: &[u8], message: &[u8]) -> [u8; 20] {
    let mut mac = <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(message);
    mac.finalize().into_bytes().into()
}

pub(crate) fn sha256(parts: &[&[u8]]) -> [u8; 32] {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part);
    }
    hash.finalize().into()
}

/// Every HKDF `info`, HPKE `info` and AAD label of format v1, in one place.
pub(crate) mod labels {
    pub(crate) const PASSWORD_WRAP: &[u8] = b"derma-consent/v1/password/wrap";
    pub(crate) const PASSWORD_LOGIN: &[u8] = b"derma-consent/v1/password/login";
    pub(crate) const RECOVERY_WRAP: &[u8] = b"derma-consent/v1/recovery/wrap";
    pub(crate) const MASTER_KEY_WRAP: &[u8] = b"derma-consent/v1/master/key-wrap";
    pub(crate) const KEY_SHARE: &[u8] = b"derma-consent/v1/key-share";
    pub(crate) const SUBMISSION: &[u8] = b"derma-consent/v1/submission";
    pub(crate) const OBJECT: &[u8] = b"derma-consent/v1/object";
    pub(crate) const BIDX_NAME_DOB: &[u8] = b"derma-consent/v1/bidx/name-dob";
    pub(crate) const BIDX_EMAIL: &[u8] = b"derma-consent/v1/bidx/email";
    pub(crate) const FINGERPRINT: &[u8] = b"derma-consent/v1/fingerprint";
    pub(crate) const RECOVERY_CHECK: &[u8] = b"derma-consent/v1/recovery-code";
    pub(crate) const TOTP_SEAL: &[u8] = b"derma-consent/v1/totp/seal";
    pub(crate) const TWO_FACTOR_RECOVERY: &[u8] = b"derma-consent/v1/totp/recovery-code";
    /// Server-side sealing at rest (`AtRestKey`), one label per purpose.
    pub(crate) const AT_REST_OUTBOX_MAIL: &[u8] = b"derma-consent/v1/at-rest/outbox-mail";
}
