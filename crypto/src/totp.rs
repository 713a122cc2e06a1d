//! Two-factor sign-in for staff (issue 4): TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30 s steps),
//! the secret sealed at rest under a key of the deployment, and one-time recovery codes.
//!
//! The server, not the browser, checks codes, so it must be able to read the secret: it is kept
//! as a sealed value (`sealed.rs`) that a stolen database alone does not open. Codes are
//! accepted one step either side of now (clock drift), and never at or before the last step
//! accepted, so a code seen over a shoulder cannot be used again (RFC 6238 §5.2).

mod base32;
mod code;
mod recovery;
mod sealed;

use core::fmt;

use rand_core::CryptoRng;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::rng;

pub use recovery::{TwoFactorRecoveryCode, RECOVERY_CODE_BITS};
pub use sealed::TotpSealKey;

/// Seconds per time step.
pub const TOTP_STEP_SECS: u64 = 30;
/// Digits of a code.
pub const TOTP_DIGITS: u32 = 6;
/// Bytes of a secret (160 bits, as RFC 4226 §4 recommends for HMAC-SHA1).
pub const TOTP_SECRET_LEN: usize = 20;

/// A member's TOTP secret. Zeroized on drop, printed as `***`, neither `Clone` nor `Serialize`.
pub struct TotpSecret(Box<[u8; TOTP_SECRET_LEN]>);

impl TotpSecret {
    pub fn generate() -> Self {
        Self::generate_with(&mut rng::os())
    }

    pub(crate) fn generate_with(rng: &mut impl CryptoRng) -> Self {
        let mut secret = Self(Box::new([0u8; TOTP_SECRET_LEN]));
        rng.fill_bytes(&mut secret.0[..]);
        secret
    }

    /// The key as authenticator apps take it: RFC 4648 base32, upper case, no padding (32
    /// characters).
    pub fn to_base32(&self) -> Zeroizing<String> {
        base32::encode_rfc4648(&self.0[..])
    }

    /// Reads a key typed or scanned elsewhere (tests, the demo seed); spaces and case are
    /// ignored. `None` unless it is exactly 20 bytes of base32.
    pub fn from_base32(text: &str) -> Option<Self> {
        let bytes = Zeroizing::new(base32::decode_rfc4648(text)?);
        let array: &[u8; TOTP_SECRET_LEN] = bytes.as_slice().try_into().ok()?;
        Some(Self(Box::new(*array)))
    }

    /// The time step a Unix time falls in.
    pub const fn step_at(unix_secs: u64) -> u64 {
        unix_secs / TOTP_STEP_SECS
    }

    /// The code of a time step, as six digits.
    pub fn code_at_step(&self, step: u64) -> Zeroizing<String> {
        Zeroizing::new(format!("{:06}", code::hotp(&self.0[..], step, TOTP_DIGITS)))
    }

    /// Checks a typed code against the steps around `unix_secs`. Returns the step it belongs
    /// to, which the caller stores as the new last step; `None` for a wrong code, a code
    /// outside the window, or one of a step at or before `last_step` (a replay).
    pub fn verify(&self, typed: &str, unix_secs: u64, last_step: Option<u64>) -> Option<u64> {
        let typed = code::parse(typed)?;
        let now = Self::step_at(unix_secs);
        let mut accepted = None;
        // Every candidate is computed and compared, so timing does not tell which one matched.
        for step in [now.saturating_sub(1), now, now.saturating_add(1)] {
            let expected = code::hotp(&self.0[..], step, TOTP_DIGITS);
            let fresh = last_step.is_none_or(|last| step > last);
            if code::equal(expected, typed) && fresh && accepted.is_none() {
                accepted = Some(step);
            }
        }
        accepted
    }
}

impl Drop for TotpSecret {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl ZeroizeOnDrop for TotpSecret {}

impl fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TotpSecret(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::TestRng;

    fn rfc_secret() -> TotpSecret {
        TotpSecret(Box::new(*b"12345678901234567890"))
    }

    #[test]
    fn codes_are_the_last_six_digits_of_the_rfc_6238_sha1_vectors() {
        // RFC 6238 Appendix B (SHA-1 rows, 8 digits there): T, code.
        for (time, eight) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            let code = rfc_secret().code_at_step(TotpSecret::step_at(time));
            assert_eq!(code.as_str(), &eight[2..], "T = {time}");
        }
    }

    #[test]
    fn one_step_either_side_is_accepted_and_nothing_further() {
        let secret = rfc_secret();
        let now = 1_111_111_111;
        let step = TotpSecret::step_at(now);
        for (offset, accepted) in [(-2i64, false), (-1, true), (0, true), (1, true), (2, false)] {
            let s = step.checked_add_signed(offset).expect("step");
            let code = secret.code_at_step(s);
            assert_eq!(
                secret.verify(&code, now, None),
                accepted.then_some(s),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn a_code_is_refused_at_or_before_the_last_accepted_step() {
        let secret = rfc_secret();
        let now = 1_234_567_890;
        let step = TotpSecret::step_at(now);
        let code = secret.code_at_step(step);
        assert_eq!(secret.verify(&code, now, Some(step - 1)), Some(step));
        assert_eq!(secret.verify(&code, now, Some(step)), None, "replay");
        let previous = secret.code_at_step(step - 1);
        assert_eq!(secret.verify(&previous, now, Some(step)), None, "older");
        let next = secret.code_at_step(step + 1);
        assert_eq!(secret.verify(&next, now, Some(step)), Some(step + 1));
    }

    #[test]
    fn typed_codes_may_have_spaces_but_nothing_else() {
        let secret = rfc_secret();
        let now = 59;
        assert_eq!(secret.verify(" 287 082 ", now, None), Some(1));
        for bad in [
            "",
            "28708",
            "2870822",
            "28708a",
            "２８７０８２",
            "287-082",
            "+287082",
        ] {
            assert_eq!(secret.verify(bad, now, None), None, "{bad:?}");
        }
    }

    #[test]
    fn the_key_text_round_trips_and_never_prints() {
        let secret = TotpSecret::generate_with(&mut TestRng::new(7));
        let text = secret.to_base32();
        assert_eq!(text.len(), 32);
        assert!(text
            .chars()
            .all(|c| c.is_ascii_uppercase() || ('2'..='7').contains(&c)));
        let back = TotpSecret::from_base32(&text.to_lowercase()).expect("parses");
        assert_eq!(back.0, secret.0);
        assert_eq!(format!("{secret:?}"), "TotpSecret(***)");
        assert!(
            TotpSecret::from_base32("GEZDGNBVGY3TQOJQ").is_none(),
            "10 bytes"
        );
        assert_eq!(
            rfc_secret().to_base32().as_str(),
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
        );
    }
}
