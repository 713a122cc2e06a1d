//! Bounded random input for every envelope parser (the in-suite companion of the cargo-fuzz
//! target in `crypto/fuzz`): arbitrary bytes and text never panic, and whatever parses
//! re-encodes to exactly the input (one byte form, one text form). Mutations of valid envelopes
//! (flipped bytes, cuts, extensions) never panic either.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use proptest_nofork::prelude::*;

use crypto::{
    ContentKey, Envelope, InboxKeyPair, InboxPublicKey, KdfParams, KeyShareEnvelope,
    KeyWrapEnvelope, MemberKeyPair, MemberPublicKey, ObjectContext, ObjectEnvelope,
    PasswordWrapEnvelope, PracticeId, PracticeMasterKey, RecoveryCode, RecoveryWrapEnvelope,
    SubmissionContext, SubmissionEnvelope, Token,
};

/// Runs every parser over `bytes`; checks the canonical-encoding property for each success.
fn parse_everything(bytes: &[u8]) {
    if let Ok(envelope) = Envelope::from_bytes(bytes) {
        assert_eq!(envelope.to_bytes(), bytes);
    }
    macro_rules! each {
        ($($ty:ty),*) => {$(
            if let Ok(parsed) = <$ty>::from_bytes(bytes) {
                assert_eq!(parsed.to_bytes(), bytes, stringify!($ty));
            }
        )*};
    }
    each!(
        SubmissionEnvelope,
        PasswordWrapEnvelope,
        RecoveryWrapEnvelope,
        KeyShareEnvelope,
        KeyWrapEnvelope,
        ObjectEnvelope,
        InboxPublicKey,
        MemberPublicKey,
        KdfParams
    );
}

fn parse_text(text: &str) {
    if let Ok(envelope) = Envelope::from_text(text) {
        assert_eq!(envelope.to_text(), text);
    }
    let _ = SubmissionEnvelope::from_text(text);
    let _ = ObjectEnvelope::from_text(text);
    let _ = Token::from_text(text);
    let _ = RecoveryCode::parse(text);
    let _ = crypto::LoginKey::from_text(text);
}

/// One valid envelope of every kind, to mutate.
fn samples() -> Vec<Vec<u8>> {
    let practice = PracticeId::from_bytes([1; 16]);
    let pmk = PracticeMasterKey::generate(practice, 1);
    let inbox = InboxKeyPair::generate(1);
    let member = MemberKeyPair::generate(1);
    let content = ContentKey::generate(1);
    let user = crypto::UserId::from_bytes([2; 16]);
    let object = crypto::ObjectId::from_bytes([3; 16]);
    let submission = SubmissionContext {
        practice_id: practice,
        consent_id: crypto::ConsentId::from_bytes([4; 16]),
        form_hash: crypto::FormHash::of(b"form"),
        submission_id: crypto::SubmissionId::from_bytes([5; 16]),
    };
    let params = KdfParams::new(19 * 1024, 2, 1, [6; 16]).expect("params");
    let keys = crypto::PasswordKeys::derive("pw", &params).expect("derive");
    let field = ObjectContext {
        practice_id: practice,
        object_id: object,
        field: "f",
    };
    vec![
        inbox
            .public_key()
            .seal_submission(b"answers", &submission)
            .expect("seal")
            .to_bytes(),
        pmk.wrap_with_password(keys.wrap_key(), user).to_bytes(),
        pmk.wrap_with_recovery_code(&RecoveryCode::generate())
            .to_bytes(),
        pmk.share_with(member.public_key(), user)
            .expect("share")
            .to_bytes(),
        pmk.wrap_content_key(&content, object).to_bytes(),
        content.encrypt(b"Anna", &field).to_bytes(),
        inbox.public_key().to_bytes(),
        member.public_key().to_bytes(),
        params.to_bytes(),
    ]
}

/// xorshift64*: a tiny deterministic generator so failures reproduce.
struct Xorshift(u64);

impl Xorshift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n).unwrap_or(1)).unwrap_or(0)
    }
}

#[test]
fn samples_round_trip_through_any_envelope() {
    for sample in samples() {
        let parsed = Envelope::from_bytes(&sample).expect("valid sample");
        assert_eq!(parsed.to_bytes(), sample);
        assert_eq!(Envelope::from_text(&parsed.to_text()), Ok(parsed));
    }
}

#[test]
fn mutated_envelopes_never_panic() {
    let mut rng = Xorshift(0x0DC0_FFEE);
    for sample in samples() {
        for _ in 0..400 {
            let mut bytes = sample.clone();
            match rng.below(4) {
                0 => {
                    let i = rng.below(bytes.len());
                    bytes[i] ^= u8::try_from(rng.below(255) + 1).unwrap_or(1);
                }
                1 => bytes.truncate(rng.below(bytes.len())),
                2 => bytes
                    .extend((0..=rng.below(8)).map(|_| u8::try_from(rng.below(256)).unwrap_or(0))),
                _ => {
                    // Keep the header, randomise one field byte in the first 60 bytes.
                    let i = rng.below(bytes.len().min(60));
                    bytes[i] = u8::try_from(rng.below(256)).unwrap_or(0);
                }
            }
            parse_everything(&bytes);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..160)) {
        parse_everything(&bytes);
    }

    /// Random bytes behind a valid header reach the kind-specific parsers.
    #[test]
    fn arbitrary_bodies_never_panic(kind in prop::sample::select(vec![1u8, 2, 3, 4, 5, 6, 0x10, 0x11]), body in prop::collection::vec(any::<u8>(), 0..120)) {
        let suite: u8 = match kind { 1 | 4 | 0x10 => 1, 2 | 0x11 => 2, 3 | 5 => 3, _ => 4 };
        let mut bytes = vec![0xDC, 0x01, kind, 0, suite];
        bytes.extend_from_slice(&body);
        parse_everything(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        parse_text(&text);
    }

    #[test]
    fn base64url_text_never_panics(text in "[A-Za-z0-9_-]{0,140}") {
        parse_text(&text);
    }
}
