//! Patient submissions: HPKE seal in the patient's browser, open on a staff client. Round trips
//! and every way an opened submission must fail: wrong key, wrong practice, wrong consent, form
//! or submission id, wrong key version, truncated, tampered, unknown version.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use crypto::{
    ConsentId, CryptoError, EnvelopeError, EnvelopeKind, FormHash, InboxKeyPair, PracticeId,
    SubmissionContext, SubmissionEnvelope, SubmissionId,
};

fn context() -> SubmissionContext {
    SubmissionContext {
        practice_id: PracticeId::from_bytes([1; 16]),
        consent_id: ConsentId::from_bytes([2; 16]),
        form_hash: FormHash::of(b"botox form v4, de"),
        submission_id: SubmissionId::from_bytes([3; 16]),
    }
}

fn sealed(inbox: &InboxKeyPair, plaintext: &[u8]) -> SubmissionEnvelope {
    inbox
        .public_key()
        .seal_submission(plaintext, &context())
        .expect("seal")
}

#[test]
fn round_trip_bytes_and_text() {
    let inbox = InboxKeyPair::generate(1);
    let form = vec![0x42u8; 4096];
    let envelope = sealed(&inbox, &form);
    assert_eq!(envelope.key_version(), 1);
    assert_eq!(envelope.to_bytes().len(), 9 + 32 + 4096 + 16);
    let from_bytes = SubmissionEnvelope::from_bytes(&envelope.to_bytes()).expect("parse bytes");
    let from_text = SubmissionEnvelope::from_text(&envelope.to_text()).expect("parse text");
    assert_eq!(from_bytes, envelope);
    assert_eq!(from_text, envelope);
    assert_eq!(
        inbox
            .open_submission(&from_text, &context())
            .expect("open")
            .as_slice(),
        form
    );
}

#[test]
fn empty_submission_round_trips() {
    let inbox = InboxKeyPair::generate(1);
    assert!(inbox
        .open_submission(&sealed(&inbox, b""), &context())
        .expect("open")
        .is_empty());
}

#[test]
fn same_plaintext_seals_differently_each_time() {
    let inbox = InboxKeyPair::generate(1);
    assert_ne!(
        sealed(&inbox, b"x").to_bytes(),
        sealed(&inbox, b"x").to_bytes()
    );
}

#[test]
fn wrong_key_fails() {
    let inbox = InboxKeyPair::generate(1);
    let other = InboxKeyPair::generate(1);
    assert_eq!(
        other.open_submission(&sealed(&inbox, b"answers"), &context()),
        Err(CryptoError::Decrypt)
    );
}

#[test]
fn wrong_key_version_is_named() {
    let inbox = InboxKeyPair::generate(1);
    let newer = InboxKeyPair::generate(2);
    assert_eq!(
        newer.open_submission(&sealed(&inbox, b"answers"), &context()),
        Err(CryptoError::KeyVersion {
            envelope: 1,
            key: 2
        })
    );
}

#[test]
fn every_bound_id_matters() {
    let inbox = InboxKeyPair::generate(1);
    let envelope = sealed(&inbox, b"answers");
    let contexts = [
        SubmissionContext {
            practice_id: PracticeId::from_bytes([9; 16]),
            ..context()
        },
        SubmissionContext {
            consent_id: ConsentId::from_bytes([9; 16]),
            ..context()
        },
        SubmissionContext {
            form_hash: FormHash::of(b"botox form v5, de"),
            ..context()
        },
        SubmissionContext {
            submission_id: SubmissionId::from_bytes([9; 16]),
            ..context()
        },
    ];
    for wrong in contexts {
        assert_eq!(
            inbox.open_submission(&envelope, &wrong),
            Err(CryptoError::Decrypt),
            "{wrong:?}"
        );
    }
}

#[test]
fn truncated_envelopes_are_refused() {
    let inbox = InboxKeyPair::generate(1);
    let bytes = sealed(&inbox, b"answers").to_bytes();
    for len in 0..bytes.len() {
        match SubmissionEnvelope::from_bytes(&bytes[..len]) {
            Err(_) => {}
            Ok(short) => assert!(
                inbox.open_submission(&short, &context()).is_err(),
                "len {len}"
            ),
        }
    }
    assert_eq!(
        SubmissionEnvelope::from_bytes(&bytes[..9 + 32 + 15]),
        Err(EnvelopeError::Truncated)
    );
}

#[test]
fn every_tampered_byte_is_refused() {
    let inbox = InboxKeyPair::generate(1);
    let bytes = sealed(&inbox, b"answers").to_bytes();
    for i in 0..bytes.len() {
        for bit in [0x01u8, 0x80] {
            let mut tampered = bytes.clone();
            tampered[i] ^= bit;
            if let Ok(envelope) = SubmissionEnvelope::from_bytes(&tampered) {
                assert!(
                    inbox.open_submission(&envelope, &context()).is_err(),
                    "byte {i} bit {bit:#x}"
                );
            }
        }
    }
}

#[test]
fn header_errors_are_typed() {
    let inbox = InboxKeyPair::generate(1);
    let bytes = sealed(&inbox, b"answers").to_bytes();
    let with = |i: usize, value: u8| {
        let mut b = bytes.clone();
        b[i] = value;
        SubmissionEnvelope::from_bytes(&b)
    };
    assert_eq!(with(0, 0xDD), Err(EnvelopeError::BadMagic(0xDD)));
    assert_eq!(with(1, 2), Err(EnvelopeError::UnsupportedFormat(2)));
    assert_eq!(with(2, 0x7F), Err(EnvelopeError::UnknownKind(0x7F)));
    assert_eq!(
        with(2, 0x06),
        Err(EnvelopeError::UnsupportedSuite {
            kind: EnvelopeKind::Object,
            suite: 1
        })
    );
    assert_eq!(
        with(4, 0x02),
        Err(EnvelopeError::UnsupportedSuite {
            kind: EnvelopeKind::Submission,
            suite: 2
        })
    );
    assert_eq!(
        SubmissionEnvelope::from_text("not base64!"),
        Err(EnvelopeError::BadText)
    );
    assert_eq!(
        SubmissionEnvelope::from_text(&format!("{}=", sealed(&inbox, b"").to_text())),
        Err(EnvelopeError::BadText)
    );
}

#[test]
fn public_key_travels_as_text_with_its_version() {
    let inbox = InboxKeyPair::generate(5);
    let text = inbox.public_key().to_text();
    let public = crypto::InboxPublicKey::from_text(&text).expect("parse");
    assert_eq!(&public, inbox.public_key());
    assert_eq!(public.version(), 5);
    assert_eq!(public.fingerprint(), inbox.public_key().fingerprint());
    assert_eq!(
        crypto::MemberPublicKey::from_text(&text),
        Err(EnvelopeError::WrongRole(1))
    );
    let envelope = public.seal_submission(b"kiosk", &context()).expect("seal");
    assert_eq!(
        inbox
            .open_submission(&envelope, &context())
            .expect("open")
            .as_slice(),
        b"kiosk"
    );
}

#[test]
fn low_order_public_key_is_refused() {
    let zero = crypto::InboxPublicKey::from_raw([0; 32], 1);
    assert_eq!(
        zero.seal_submission(b"x", &context()),
        Err(CryptoError::InvalidPublicKey)
    );
}
