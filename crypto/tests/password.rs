//! Staff passwords: one Argon2id run split into a login key and a wrap key, wraps of the master
//! key and of the member's own private key, the parameter floor, and the server-side verifier.
//! Tests use the floor parameters (19 MiB, t = 2) to stay fast in debug builds; one test runs the
//! defaults.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use crypto::{
    CryptoError, Envelope, KdfParams, LoginKey, LoginVerifier, MemberKeyPair, PasswordKeys,
    PasswordWrapEnvelope, PracticeId, PracticeMasterKey, UserId,
};

const PRACTICE: PracticeId = PracticeId::from_bytes([7; 16]);
const USER: UserId = UserId::from_bytes([1; 16]);
const PASSWORD: &str = "Sonnenblume-im-Mai-2026";

fn floor_params() -> KdfParams {
    KdfParams::new(19 * 1024, 2, 1, [9; 16]).expect("floor")
}

fn keys(password: &str, params: &KdfParams) -> PasswordKeys {
    PasswordKeys::derive(password, params).expect("derive")
}

#[test]
fn master_key_round_trip() {
    let pmk = PracticeMasterKey::generate(PRACTICE, 1);
    let params = floor_params();
    let wrap = pmk.wrap_with_password(keys(PASSWORD, &params).wrap_key(), USER);
    // The client fetches the wrap, reads the parameters (floor-checked) and derives again.
    let wrap = PasswordWrapEnvelope::from_text(&wrap.to_text()).expect("parse");
    let params_again = wrap.kdf_params().expect("params");
    assert_eq!(params_again, params);
    let unlocked = PracticeMasterKey::unwrap_with_password(
        &wrap,
        keys(PASSWORD, &params_again).wrap_key(),
        PRACTICE,
        USER,
    )
    .expect("unwrap");
    assert_eq!(unlocked.version(), 1);
    assert!(unlocked
        .unwrap_inbox_key(&pmk.wrap_inbox_key(&crypto::InboxKeyPair::generate(1)))
        .is_ok());
}

#[test]
fn wrong_password_user_or_practice_fails() {
    let pmk = PracticeMasterKey::generate(PRACTICE, 1);
    let params = floor_params();
    let right = keys(PASSWORD, &params);
    let wrap = pmk.wrap_with_password(right.wrap_key(), USER);
    let wrong = keys("Sonnenblume-im-Mai-2025", &params);
    let attempts = [
        PracticeMasterKey::unwrap_with_password(&wrap, wrong.wrap_key(), PRACTICE, USER),
        PracticeMasterKey::unwrap_with_password(
            &wrap,
            right.wrap_key(),
            PRACTICE,
            UserId::from_bytes([2; 16]),
        ),
        PracticeMasterKey::unwrap_with_password(
            &wrap,
            right.wrap_key(),
            PracticeId::from_bytes([8; 16]),
            USER,
        ),
    ];
    for attempt in attempts {
        assert_eq!(attempt.err(), Some(CryptoError::Decrypt));
    }
}

#[test]
fn login_and_wrap_keys_are_independent_and_stable() {
    let params = floor_params();
    let a = keys(PASSWORD, &params);
    let b = keys(PASSWORD, &params);
    assert_eq!(*a.login_key().to_text(), *b.login_key().to_text());
    let other_salt = KdfParams::new(19 * 1024, 2, 1, [10; 16]).expect("params");
    assert_ne!(
        *a.login_key().to_text(),
        *keys(PASSWORD, &other_salt).login_key().to_text()
    );
    // The login key (which the server sees) cannot open the wrap: it is a different key.
    let pmk = PracticeMasterKey::generate(PRACTICE, 1);
    let wrap = pmk.wrap_with_password(a.wrap_key(), USER);
    assert!(PracticeMasterKey::unwrap_with_password(&wrap, b.wrap_key(), PRACTICE, USER).is_ok());
}

#[test]
fn nfc_and_nfd_passwords_are_the_same_password() {
    let params = floor_params();
    let composed = keys("Pa\u{00DF}wort-f\u{00FC}r-M\u{00FC}ller", &params);
    let decomposed = keys("Pa\u{00DF}wort-fu\u{0308}r-Mu\u{0308}ller", &params);
    assert_eq!(
        *composed.login_key().to_text(),
        *decomposed.login_key().to_text()
    );
}

#[test]
fn parameters_below_the_floor_are_refused() {
    let weak = [
        (19 * 1024 - 1, 2, 1),
        (19 * 1024, 1, 1),
        (64 * 1024, 3, 0),
        (8, 1, 1),
    ];
    for (m, t, p) in weak {
        assert!(
            matches!(
                KdfParams::new(m, t, p, [0; 16]),
                Err(CryptoError::KdfTooWeak { .. })
            ),
            "{m} {t} {p}"
        );
    }
    let costly = [
        (1024 * 1024 + 1, 3, 1),
        (64 * 1024, 17, 1),
        (64 * 1024, 3, 17),
    ];
    for (m, t, p) in costly {
        assert!(
            matches!(
                KdfParams::new(m, t, p, [0; 16]),
                Err(CryptoError::KdfTooCostly { .. })
            ),
            "{m} {t} {p}"
        );
    }
}

#[test]
fn a_downgraded_wrap_is_refused_on_unwrap() {
    let pmk = PracticeMasterKey::generate(PRACTICE, 1);
    let params = floor_params();
    let keys = keys(PASSWORD, &params);
    let mut bytes = pmk.wrap_with_password(keys.wrap_key(), USER).to_bytes();
    // m lives at bytes 14..18 (header 9, key type 1, key version 4): set it to 1024 KiB.
    bytes[14..18].copy_from_slice(&1024u32.to_be_bytes());
    let downgraded = PasswordWrapEnvelope::from_bytes(&bytes).expect("structurally valid");
    let expected = Err(CryptoError::KdfTooWeak {
        memory_kib: 1024,
        iterations: 2,
        parallelism: 1,
    });
    assert_eq!(downgraded.kdf_params(), expected);
    assert_eq!(
        PracticeMasterKey::unwrap_with_password(&downgraded, keys.wrap_key(), PRACTICE, USER).err(),
        expected.err()
    );
    assert!(
        Envelope::from_bytes(&bytes).is_ok(),
        "parsing stays structural"
    );
}

#[test]
fn a_key_from_other_parameters_is_a_mismatch() {
    let pmk = PracticeMasterKey::generate(PRACTICE, 1);
    let wrap = pmk.wrap_with_password(keys(PASSWORD, &floor_params()).wrap_key(), USER);
    let other = KdfParams::new(20 * 1024, 2, 1, [9; 16]).expect("params");
    assert_eq!(
        PracticeMasterKey::unwrap_with_password(
            &wrap,
            keys(PASSWORD, &other).wrap_key(),
            PRACTICE,
            USER
        )
        .err(),
        Some(CryptoError::KdfMismatch)
    );
}

#[test]
fn member_key_pair_round_trip_and_type_check() {
    let params = floor_params();
    let keys = keys(PASSWORD, &params);
    let member = MemberKeyPair::generate(3);
    let wrap = member.wrap_with_password(keys.wrap_key(), PRACTICE, USER);
    let restored = MemberKeyPair::unwrap_with_password(&wrap, keys.wrap_key(), PRACTICE, USER)
        .expect("unwrap");
    assert_eq!(restored.public_key(), member.public_key());
    assert_eq!(
        PracticeMasterKey::unwrap_with_password(&wrap, keys.wrap_key(), PRACTICE, USER).err(),
        Some(CryptoError::WrongKeyType {
            expected: crypto::KeyType::MasterKey,
            found: crypto::KeyType::MemberKey
        })
    );
}

#[test]
fn kdf_params_text_round_trip() {
    let params = KdfParams::generate();
    assert_eq!(
        (
            params.memory_kib(),
            params.iterations(),
            params.parallelism()
        ),
        (64 * 1024, 3, 1)
    );
    assert_eq!(KdfParams::from_text(&params.to_text()), Ok(params));
    assert_ne!(KdfParams::generate().salt(), params.salt());
}

#[test]
fn login_verifier_accepts_only_the_right_key() {
    let params = floor_params();
    let login = keys(PASSWORD, &params).into_parts().0;
    let sent = LoginKey::from_text(&login.to_text()).expect("parse");
    let stored = LoginVerifier::create(&sent);
    assert!(stored
        .as_str()
        .starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    let reloaded = LoginVerifier::from_stored(stored.as_str());
    assert_eq!(reloaded.verify(&sent), Ok(true));
    let wrong = keys("anders", &params).into_parts().0;
    assert_eq!(reloaded.verify(&wrong), Ok(false));
    assert!(LoginVerifier::from_stored("garbage").verify(&sent).is_err());
    assert!(LoginKey::from_text("too-short").is_err());
}

/// The real defaults (64 MiB, t = 3): slower, so only once.
#[test]
fn default_parameters_work() {
    let params = KdfParams::generate();
    let pmk = PracticeMasterKey::generate(PRACTICE, 1);
    let wrap = pmk.wrap_with_password(keys(PASSWORD, &params).wrap_key(), USER);
    let again = keys(PASSWORD, &wrap.kdf_params().expect("params"));
    assert!(
        PracticeMasterKey::unwrap_with_password(&wrap, again.wrap_key(), PRACTICE, USER).is_ok()
    );
}

#[test]
fn decoy_parameters_are_stable_per_address_and_look_like_real_ones() {
    let secret = [9u8; 32];
    let a = crypto::KdfParams::decoy(&secret, "nobody@praxis.example");
    assert_eq!(
        a,
        crypto::KdfParams::decoy(&secret, "nobody@praxis.example"),
        "stable across requests"
    );
    assert_ne!(
        a.salt(),
        crypto::KdfParams::decoy(&secret, "other@praxis.example").salt()
    );
    assert_ne!(
        a.salt(),
        crypto::KdfParams::decoy(&[8u8; 32], "nobody@praxis.example").salt(),
        "depends on the secret"
    );
    let real = crypto::KdfParams::generate();
    assert_eq!(
        (a.memory_kib(), a.iterations(), a.parallelism()),
        (real.memory_kib(), real.iterations(), real.parallelism())
    );
}
