//! Arbitrary bytes (and the same bytes as text) into every envelope parser. A parser may refuse
//! anything, but must never panic, and whatever it accepts must re-encode to exactly the input.

#![no_main]

use libfuzzer_sys::fuzz_target;

use crypto::{
    Envelope, InboxPublicKey, KdfParams, KeyShareEnvelope, KeyWrapEnvelope, MemberPublicKey, ObjectEnvelope,
    PasswordWrapEnvelope, RecoveryCode, RecoveryWrapEnvelope, SubmissionEnvelope, Token,
};

fuzz_target!(|data: &[u8]| {
    if let Ok(envelope) = Envelope::from_bytes(data) {
        assert_eq!(envelope.to_bytes(), data);
    }
    macro_rules! each {
        ($($ty:ty),*) => {$(
            if let Ok(parsed) = <$ty>::from_bytes(data) {
                assert_eq!(parsed.to_bytes(), data);
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
    if let Ok(text) = core::str::from_utf8(data) {
        if let Ok(envelope) = Envelope::from_text(text) {
            assert_eq!(envelope.to_text(), text);
        }
        let _ = Token::from_text(text);
        let _ = RecoveryCode::parse(text);
        let _ = crypto::canonical_name(text);
        let _ = crypto::canonical_email(text);
    }
});
