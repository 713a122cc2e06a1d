//! The master key and the keys under it: wraps under the master key (inbox key, blind-index key,
//! content keys, older master keys), shares to a member's public key, and the recovery code.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use crypto::{
    BirthDate, BlindIndexKey, ContentKey, CryptoError, InboxKeyPair, KeyShareEnvelope, KeyType,
    KeyWrapEnvelope, MemberKeyPair, ObjectContext, ObjectId, PracticeId, PracticeMasterKey,
    RecoveryCode, RecoveryWrapEnvelope, SubmissionContext, UserId,
};

const PRACTICE: PracticeId = PracticeId::from_bytes([7; 16]);
const OTHER_PRACTICE: PracticeId = PracticeId::from_bytes([8; 16]);
const USER: UserId = UserId::from_bytes([1; 16]);

fn reparse(envelope: &KeyWrapEnvelope) -> KeyWrapEnvelope {
    KeyWrapEnvelope::from_text(&envelope.to_text()).expect("parse")
}

#[test]
fn inbox_key_round_trip_opens_submissions() {
    let pmk = PracticeMasterKey::generate(PRACTICE, 1);
    let inbox = InboxKeyPair::generate(4);
    let wrap = reparse(&pmk.wrap_inbox_key(&inbox));
    assert_eq!(wrap.wrapped_key(), (KeyType::InboxKey, 4));
    assert_eq!(wrap.key_version(), 1);
    let restored = pmk.unwrap_inbox_key(&wrap).expect("unwrap");
    assert_eq!(restored.public_key(), inbox.public_key());
    let context = SubmissionContext {
        practice_id: PRACTICE,
        consent_id: crypto::ConsentId::from_bytes([3; 16]),
        form_hash: crypto::FormHash::of(b"f"),
        submission_id: crypto::SubmissionId::from_bytes([4; 16]),
    };
    let sealed = inbox
        .public_key()
        .seal_submission(b"hello", &context)
        .expect("seal");
    assert_eq!(
        restored
            .open_submission(&sealed, &context)
            .expect("open")
            .as_slice(),
        b"hello"
    );
}

#[test]
fn blind_index_key_round_trip_gives_same_index() {
    let pmk = PracticeMasterKey::generate(PRACTICE, 1);
    let key = BlindIndexKey::generate(PRACTICE, 1);
    let restored = pmk
        .unwrap_blind_index_key(&reparse(&pmk.wrap_blind_index_key(&key)))
        .expect("unwrap");
    let birth = BirthDate::new(1990, 1, 31).expect("date");
    assert_eq!(
        restored.name_dob_index("Weiß", "Jörg", birth),
        key.name_dob_index("WEISS", "Joerg", birth)
    );
}

#[test]
fn content_key_is_bound_to_its_object() {
    let pmk = PracticeMasterKey::generate(PRACTICE, 1);
    let content = ContentKey::generate(1);
    let object = ObjectId::from_bytes([5; 16]);
    let wrap = reparse(&pmk.wrap_content_key(&content, object));
    let restored = pmk.unwrap_content_key(&wrap, object).expect("unwrap");
    let notes = ObjectContext {
        practice_id: PRACTICE,
        object_id: object,
        field: "plan.notes",
    };
    let sealed = content.encrypt(b"2 ml", &notes);
    assert_eq!(
        restored
            .decrypt(&sealed, &notes)
            .expect("decrypt")
            .as_slice(),
        b"2 ml"
    );
    let elsewhere = ObjectId::from_bytes([6; 16]);
    assert_eq!(
        pmk.unwrap_content_key(&wrap, elsewhere).err(),
        Some(CryptoError::Decrypt)
    );
}

#[test]
fn wrong_master_key_or_type_or_version_fails() {
    let pmk = PracticeMasterKey::generate(PRACTICE, 1);
    let inbox_wrap = pmk.wrap_inbox_key(&InboxKeyPair::generate(1));
    let impostor = PracticeMasterKey::generate(PRACTICE, 1);
    assert_eq!(
        impostor.unwrap_inbox_key(&inbox_wrap).err(),
        Some(CryptoError::Decrypt)
    );
    let other_practice = PracticeMasterKey::generate(OTHER_PRACTICE, 1);
    assert_eq!(
        other_practice.unwrap_inbox_key(&inbox_wrap).err(),
        Some(CryptoError::Decrypt)
    );
    let newer = PracticeMasterKey::generate(PRACTICE, 2);
    assert_eq!(
        newer.unwrap_inbox_key(&inbox_wrap).err(),
        Some(CryptoError::KeyVersion {
            envelope: 1,
            key: 2
        })
    );
    assert_eq!(
        pmk.unwrap_blind_index_key(&inbox_wrap).err(),
        Some(CryptoError::WrongKeyType {
            expected: KeyType::BlindIndexKey,
            found: KeyType::InboxKey
        })
    );
}

#[test]
fn tampered_key_wraps_never_open() {
    let pmk = PracticeMasterKey::generate(PRACTICE, 1);
    let bytes = pmk
        .wrap_blind_index_key(&BlindIndexKey::generate(PRACTICE, 1))
        .to_bytes();
    for i in 0..bytes.len() {
        let mut tampered = bytes.clone();
        tampered[i] ^= 0x04;
        if let Ok(envelope) = KeyWrapEnvelope::from_bytes(&tampered) {
            assert!(pmk.unwrap_blind_index_key(&envelope).is_err(), "byte {i}");
        }
    }
    for len in 0..bytes.len() {
        assert!(KeyWrapEnvelope::from_bytes(&bytes[..len]).is_err());
    }
}

#[test]
fn rotation_chain_reaches_old_keys() {
    let v1 = PracticeMasterKey::generate(PRACTICE, 1);
    let old_content = ContentKey::generate(1);
    let object = ObjectId::from_bytes([9; 16]);
    let old_wrap = v1.wrap_content_key(&old_content, object);
    let v2 = PracticeMasterKey::generate(PRACTICE, 2);
    let chain = v2.wrap_previous_master_key(&v1).expect("older key");
    let recovered_v1 = v2.unwrap_previous_master_key(&chain).expect("unwrap");
    assert_eq!(recovered_v1.version(), 1);
    assert!(recovered_v1.unwrap_content_key(&old_wrap, object).is_ok());
    // Re-wrapping the content key under v2 needs only the small wrap, not the data.
    let rewrapped = v2.wrap_content_key(
        &recovered_v1
            .unwrap_content_key(&old_wrap, object)
            .expect("ck"),
        object,
    );
    assert!(v2.unwrap_content_key(&rewrapped, object).is_ok());
    assert_eq!(
        v1.wrap_previous_master_key(&v2).err(),
        Some(CryptoError::NotAnOlderKey)
    );
    let foreign = PracticeMasterKey::generate(OTHER_PRACTICE, 1);
    assert_eq!(
        v2.wrap_previous_master_key(&foreign).err(),
        Some(CryptoError::NotAnOlderKey)
    );
}

#[test]
fn share_to_member_round_trip() {
    let pmk = PracticeMasterKey::generate(PRACTICE, 3);
    let member = MemberKeyPair::generate(1);
    let public =
        crypto::MemberPublicKey::from_text(&member.public_key().to_text()).expect("public key");
    assert_eq!(
        public.fingerprint().to_string(),
        member.public_key().fingerprint().to_string()
    );
    let share =
        KeyShareEnvelope::from_text(&pmk.share_with(&public, USER).expect("share").to_text())
            .expect("parse");
    assert_eq!(share.wrapped_key(), (KeyType::MasterKey, 3));
    let opened = member.open_share(&share, PRACTICE, USER).expect("open");
    assert_eq!(opened.version(), 3);
    assert_eq!(opened.practice_id(), PRACTICE);
    // Same key: what one wraps, the other unwraps.
    assert!(opened
        .unwrap_inbox_key(&pmk.wrap_inbox_key(&InboxKeyPair::generate(1)))
        .is_ok());
}

#[test]
fn share_fails_for_anyone_else() {
    let pmk = PracticeMasterKey::generate(PRACTICE, 1);
    let member = MemberKeyPair::generate(1);
    let share = pmk.share_with(member.public_key(), USER).expect("share");
    let intruder = MemberKeyPair::generate(1);
    assert_eq!(
        intruder.open_share(&share, PRACTICE, USER).err(),
        Some(CryptoError::Decrypt)
    );
    let other_user = UserId::from_bytes([2; 16]);
    assert_eq!(
        member.open_share(&share, PRACTICE, other_user).err(),
        Some(CryptoError::Decrypt)
    );
    assert_eq!(
        member.open_share(&share, OTHER_PRACTICE, USER).err(),
        Some(CryptoError::Decrypt)
    );
    let rotated = MemberKeyPair::generate(2);
    assert_eq!(
        rotated.open_share(&share, PRACTICE, USER).err(),
        Some(CryptoError::KeyVersion {
            envelope: 1,
            key: 2
        })
    );
}

#[test]
fn fingerprint_is_thirty_digits_and_differs_per_key() {
    let a = MemberKeyPair::generate(1).public_key().fingerprint();
    let b = MemberKeyPair::generate(1).public_key().fingerprint();
    let text = a.to_string();
    assert_eq!(text.len(), 35);
    assert!(text
        .split(' ')
        .all(|g| g.len() == 5 && g.bytes().all(|c| c.is_ascii_digit())));
    assert_ne!(a, b);
}

#[test]
fn recovery_code_round_trip_from_the_printed_sheet() {
    let pmk = PracticeMasterKey::generate(PRACTICE, 2);
    let code = RecoveryCode::generate();
    let wrap = RecoveryWrapEnvelope::from_text(&pmk.wrap_with_recovery_code(&code).to_text())
        .expect("parse");
    let typed = code.to_printable().to_lowercase().replace('-', " ");
    let parsed = RecoveryCode::parse(&typed).expect("parse code");
    let recovered =
        PracticeMasterKey::unwrap_with_recovery_code(&wrap, &parsed, PRACTICE).expect("unwrap");
    assert_eq!(recovered.version(), 2);
    assert!(recovered
        .unwrap_inbox_key(&pmk.wrap_inbox_key(&InboxKeyPair::generate(1)))
        .is_ok());
}

#[test]
fn recovery_wrap_needs_the_right_code_and_practice() {
    let pmk = PracticeMasterKey::generate(PRACTICE, 1);
    let code = RecoveryCode::generate();
    let wrap = pmk.wrap_with_recovery_code(&code);
    let wrong = RecoveryCode::generate();
    assert_eq!(
        PracticeMasterKey::unwrap_with_recovery_code(&wrap, &wrong, PRACTICE).err(),
        Some(CryptoError::Decrypt)
    );
    assert_eq!(
        PracticeMasterKey::unwrap_with_recovery_code(&wrap, &code, OTHER_PRACTICE).err(),
        Some(CryptoError::Decrypt)
    );
    let mut bytes = wrap.to_bytes();
    bytes[8] = 1; // key version must be 0 for recovery wraps
    assert!(RecoveryWrapEnvelope::from_bytes(&bytes).is_err());
}
