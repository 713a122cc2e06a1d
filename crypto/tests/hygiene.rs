//! Secrets never print. (That they are neither `Clone` nor `Copy` is checked at compile time by
//! the `compile_fail` examples in the crate docs.)

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use crypto::{
    BlindIndexKey, ContentKey, InboxKeyPair, KdfParams, MemberKeyPair, PasswordKeys, PracticeId,
    PracticeMasterKey, RecoveryCode, Token,
};

#[test]
fn debug_output_is_redacted() {
    let practice = PracticeId::from_bytes([1; 16]);
    let token = Token::generate();
    let code = RecoveryCode::generate();
    let keys = PasswordKeys::derive(
        "pw",
        &KdfParams::new(19 * 1024, 2, 1, [0; 16]).expect("params"),
    )
    .expect("derive");
    let printed = [
        format!("{:?}", PracticeMasterKey::generate(practice, 1)),
        format!("{:?}", InboxKeyPair::generate(1)),
        format!("{:?}", MemberKeyPair::generate(1)),
        format!("{:?}", BlindIndexKey::generate(practice, 1)),
        format!("{:?}", ContentKey::generate(1)),
        format!("{token:?}"),
        format!("{code:?}"),
        format!("{:?}", keys.login_key()),
        format!("{:?}", keys.wrap_key()),
        format!("{keys:?}"),
    ];
    let secrets = [
        token.to_text().to_string(),
        code.to_printable().to_string(),
        keys.login_key().to_text().to_string(),
    ];
    for text in &printed {
        assert!(text.contains("***") || text.contains(".."), "{text}");
        for secret in &secrets {
            assert!(!text.contains(secret.as_str()), "{text}");
        }
    }
}
