//! Staff-authored objects (content key per object, field-bound AAD) and bearer tokens.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use crypto::{
    ContentKey, CryptoError, ObjectContext, ObjectEnvelope, ObjectId, PracticeId, Token, TokenHash,
};

fn context(field: &str) -> ObjectContext<'_> {
    ObjectContext {
        practice_id: PracticeId::from_bytes([1; 16]),
        object_id: ObjectId::from_bytes([2; 16]),
        field,
    }
}

#[test]
fn one_mebibyte_round_trip() {
    let key = ContentKey::generate(1);
    let photo: Vec<u8> = (0..1024 * 1024)
        .map(|i| u8::try_from(i % 251).unwrap_or(0))
        .collect();
    let sealed = key.encrypt(&photo, &context("photo.bytes"));
    let parsed = ObjectEnvelope::from_bytes(&sealed.to_bytes()).expect("parse");
    assert_eq!(
        key.decrypt(&parsed, &context("photo.bytes"))
            .expect("decrypt")
            .as_slice(),
        photo
    );
}

#[test]
fn field_object_practice_key_and_version_are_bound() {
    let key = ContentKey::generate(1);
    let sealed = key.encrypt(b"Anna", &context("patient.first_name"));
    assert_eq!(
        key.decrypt(&sealed, &context("patient.last_name")).err(),
        Some(CryptoError::Decrypt)
    );
    let moved = ObjectContext {
        object_id: ObjectId::from_bytes([3; 16]),
        ..context("patient.first_name")
    };
    assert_eq!(
        key.decrypt(&sealed, &moved).err(),
        Some(CryptoError::Decrypt)
    );
    let other_practice = ObjectContext {
        practice_id: PracticeId::from_bytes([4; 16]),
        ..context("patient.first_name")
    };
    assert_eq!(
        key.decrypt(&sealed, &other_practice).err(),
        Some(CryptoError::Decrypt)
    );
    assert_eq!(
        ContentKey::generate(1)
            .decrypt(&sealed, &context("patient.first_name"))
            .err(),
        Some(CryptoError::Decrypt)
    );
    assert_eq!(
        ContentKey::generate(2)
            .decrypt(&sealed, &context("patient.first_name"))
            .err(),
        Some(CryptoError::KeyVersion {
            envelope: 1,
            key: 2
        })
    );
}

#[test]
fn tampered_or_truncated_objects_never_decrypt() {
    let key = ContentKey::generate(1);
    let bytes = key
        .encrypt(b"1980-02-29", &context("patient.birth_date"))
        .to_bytes();
    for i in 0..bytes.len() {
        let mut tampered = bytes.clone();
        tampered[i] ^= 0x10;
        if let Ok(envelope) = ObjectEnvelope::from_bytes(&tampered) {
            assert!(
                key.decrypt(&envelope, &context("patient.birth_date"))
                    .is_err(),
                "byte {i}"
            );
        }
    }
    for len in 0..bytes.len() {
        if let Ok(envelope) = ObjectEnvelope::from_bytes(&bytes[..len]) {
            assert!(
                key.decrypt(&envelope, &context("patient.birth_date"))
                    .is_err(),
                "len {len}"
            );
        }
    }
}

#[test]
fn token_text_and_hash() {
    let token = Token::generate();
    let text = token.to_text();
    assert_eq!(text.len(), 43);
    assert!(text
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    let presented = Token::from_text(&text).expect("parse");
    assert_eq!(presented.hash(), token.hash());
    assert_ne!(Token::generate().hash(), token.hash());
    let stored = TokenHash::from_bytes(*token.hash().as_bytes());
    assert_eq!(stored, presented.hash());
}

#[test]
fn malformed_tokens_are_refused() {
    let text = Token::generate().to_text();
    for bad in [
        &text[..42],
        &format!("{}A", &*text),
        "",
        "~~~~",
        &format!("{}=", &*text),
    ] {
        assert_eq!(
            Token::from_text(bad).err(),
            Some(CryptoError::InvalidText("token")),
            "{bad}"
        );
    }
}
