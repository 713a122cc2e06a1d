//! Golden vectors: every envelope format (and every derived value that gets stored) produced from
//! fixed keys, nonces and ids through the deterministic test RNG. If any byte of a format, a
//! label or a derivation changes, this fails and prints the new values: a format change must be
//! a deliberate new version, never an accident. `object_envelope_matches_documented_layout`
//! also rebuilds one AAD by hand from docs/crypto.md, so the docs cannot drift either.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use crate::envelope::wrapped::WrappedKey;
use crate::envelope::KeyType;
use crate::testing::{hex, TestRng};
use crate::*;

const PRACTICE: PracticeId = PracticeId::from_bytes([0xA1; 16]);
const USER: UserId = UserId::from_bytes([0xB2; 16]);
const OBJECT: ObjectId = ObjectId::from_bytes([0xC3; 16]);

/// Compares all vectors, then fails once listing every mismatch (so updating is one copy).
struct Golden(Vec<String>);

impl Golden {
    fn check(&mut self, name: &str, actual: &str, expected: &str) {
        if actual != expected {
            self.0.push(format!(
                "{name}:\n    actual   {actual}\n    expected {expected}"
            ));
        }
    }

    fn finish(self) {
        assert!(
            self.0.is_empty(),
            "golden vectors changed:\n{}",
            self.0.join("\n")
        );
    }
}

fn submission_context() -> SubmissionContext {
    SubmissionContext {
        practice_id: PRACTICE,
        consent_id: ConsentId::from_bytes([0xD4; 16]),
        form_hash: FormHash::of(b"form v3"),
        submission_id: SubmissionId::from_bytes([0xE5; 16]),
    }
}

#[test]
fn hpke_envelopes() {
    let mut g = Golden(Vec::new());
    let inbox = InboxKeyPair::generate_with(7, &mut TestRng::new(1));
    g.check(
        "inbox public key",
        &inbox.public_key().to_text(),
        "3AEQAAEAAAAHAYQOcwkia_I8GY3rhgKFnZinMeaOVoCBkMnpL89YP1Vh",
    );
    g.check(
        "inbox fingerprint",
        &inbox.public_key().fingerprint().to_string(),
        "04456 12092 19690 59763 71433 38173",
    );
    let sealed = inbox
        .public_key()
        .seal_submission_with(
            b"golden submission",
            &submission_context(),
            &mut TestRng::new(2),
        )
        .expect("seal");
    g.check("submission", &hex(&sealed.to_bytes()), "dc0101000100000007b14486f09d39db2e01dde1040e454aa05d152703199330ae8984b4e93e0e91790c4d6a4daa0c2c2c7eef984932aa7a14f7e135584b768338e795f2efc58a37b8b2");
    let opened = inbox
        .open_submission(&sealed, &submission_context())
        .expect("open");
    assert_eq!(opened.as_slice(), b"golden submission");

    let pmk = PracticeMasterKey::generate_with(PRACTICE, 3, &mut TestRng::new(3));
    let member = MemberKeyPair::generate_with(2, &mut TestRng::new(4));
    g.check(
        "member public key",
        &hex(&member.public_key().to_bytes()),
        "dc011000010000000202065c85c042084474a479ae73eddabe7a95aa95042c1cb710fd42ce9c8e2f403b",
    );
    let share = pmk
        .share_with_rng(member.public_key(), USER, &mut TestRng::new(5))
        .expect("share");
    g.check("key share", &hex(&share.to_bytes()), "dc010400010000000201000000036932b4b32da885545a13b6eeefd985636f7906c1e5c65a7752273f552b4572314eca9262faa5c0ea790ea2738d68d6fb8d7bace1687266e3420ee12bb279c0b843817a5f1161f3b49bb4858db7ef4b85");
    let opened = member
        .open_share(&share, PRACTICE, USER)
        .expect("open share");
    assert_eq!(opened.secret().expose(), pmk.secret().expose());
    g.finish();
}

#[test]
fn symmetric_envelopes() {
    let mut g = Golden(Vec::new());
    let pmk = PracticeMasterKey::generate_with(PRACTICE, 3, &mut TestRng::new(3));
    let inbox = InboxKeyPair::generate_with(7, &mut TestRng::new(1));
    let wrapped = WrappedKey {
        key_type: KeyType::InboxKey,
        version: 7,
    };
    let wrap = pmk.wrap_key_with(inbox.secret(), wrapped, None, &mut TestRng::new(6));
    g.check("key wrap (inbox key)", &hex(&wrap.to_bytes()), "dc01050003000000030200000007f616620950c4139db66ec7b7b0126dfdb991919e29d40f10bc90a991ee7339619bfeb005d6cfaac427dd3b7f23ef0bb4187f820672e1d0b9909db75a");
    assert_eq!(
        pmk.unwrap_inbox_key(&wrap).expect("unwrap").public_key(),
        inbox.public_key()
    );

    let content = ContentKey::generate_with(1, &mut TestRng::new(7));
    let wrapped = WrappedKey {
        key_type: KeyType::ContentKey,
        version: 1,
    };
    let wrap = pmk.wrap_key_with(
        content.secret(),
        wrapped,
        Some(OBJECT),
        &mut TestRng::new(8),
    );
    g.check("key wrap (content key)", &hex(&wrap.to_bytes()), "dc0105000300000003040000000184ebb52e48e0d275f91564c4959d10b18a16828e62ee691160d262e4aecb113e0676b5ad3a99332d9b457b00e74308bf5c381879988dd4126f4c6c28");

    let field = ObjectContext {
        practice_id: PRACTICE,
        object_id: OBJECT,
        field: "patient.last_name",
    };
    let object = content.encrypt_with(b"Mueller", &field, &mut TestRng::new(9));
    g.check(
        "object",
        &hex(&object.to_bytes()),
        "dc01060004000000011df0cb55fc273df82d7466cb37148f2a406b097463b5f6254783d11b48c109389adce8",
    );
    g.check(
        "object (text)",
        &object.to_text(),
        "3AEGAAQAAAABHfDLVfwnPfgtdGbLNxSPKkBrCXRjtfYlR4PRG0jBCTia3Og",
    );

    let code = RecoveryCode::generate_with(&mut TestRng::new(10));
    g.check(
        "recovery code",
        &code.to_printable(),
        "1NMBD-AMHQ2-CTK10-JCPK9-13YJ8-WSVMH-KV2VV-33GDR-G87VR-KPA4B-0568Y-FY3H0-XK8QC",
    );
    let recovery = pmk.wrap_with_recovery_code_with(&code, &mut TestRng::new(11));
    g.check("recovery wrap", &hex(&recovery.to_bytes()), "dc01030003000000000100000003b5b9498a434b6390c47df7ddc39a412cf1fcc5aac86b99c09292e3818861640f8b723ff5616dbd7030f7182d5b2f1f91422404d63eeb24e84cdd0c46");
    g.finish();
}

#[test]
fn password_envelopes() {
    let mut g = Golden(Vec::new());
    // The floor parameters keep this test fast in debug builds; the layout is the same.
    let params = KdfParams::new(19 * 1024, 2, 1, [0x5A; 16]).expect("floor params");
    g.check(
        "kdf params",
        &hex(&params.to_bytes()),
        "dc011100020000000000004c0000000002000000015a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a",
    );
    let keys = PasswordKeys::derive("correct horse battery staple", &params).expect("derive");
    g.check(
        "login key",
        &keys.login_key().to_text(),
        "5y97F4LdPXDJ33ulcnWV-MFGu73l20DqMbf8VauSDiM",
    );
    let pmk = PracticeMasterKey::generate_with(PRACTICE, 3, &mut TestRng::new(3));
    let wrapped = WrappedKey {
        key_type: KeyType::MasterKey,
        version: 3,
    };
    let wrap = crate::wrap::password::wrap_with(
        pmk.secret(),
        wrapped,
        keys.wrap_key(),
        (PRACTICE, USER),
        &mut TestRng::new(12),
    );
    g.check("password wrap", &hex(&wrap.to_bytes()), "dc0102000200000000010000000300004c0000000002000000015a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a6f245697acabc5a61d7c201c3b641bc1b7bfa3fa774b24becd817a51d841ead948c356f6015f08792ec2b139643a18039d0aaf881337d3dd60bd62c5");
    let opened = PracticeMasterKey::unwrap_with_password(&wrap, keys.wrap_key(), PRACTICE, USER)
        .expect("unwrap");
    assert_eq!(opened.secret().expose(), pmk.secret().expose());
    g.finish();
}

#[test]
fn stored_values() {
    let mut g = Golden(Vec::new());
    let bidx = BlindIndexKey::generate_with(PRACTICE, 1, &mut TestRng::new(13));
    let birth = BirthDate::parse_iso("1980-02-29").expect("date");
    let name = bidx.name_dob_index("Müller", "Anna", birth).expect("index");
    g.check(
        "blind index name+dob",
        &format!("{:03x}", name.value()),
        "73c",
    );
    let email = bidx
        .email_index(" Anna.Mueller@Example.ORG ")
        .expect("index");
    g.check(
        "blind index email",
        &format!("{:03x}", email.value()),
        "989",
    );
    let token = Token::generate_with(&mut TestRng::new(14));
    g.check(
        "token",
        &token.to_text(),
        "RzzyTjcMp3zT5D-f__qwU9O7WRSN3cj-8A06UZNgU7c",
    );
    g.check(
        "token hash",
        &hex(token.hash().as_bytes()),
        "5b85993e0b2ec733aa70eb6ff3e3f43e5d85d59d741d83460f2323e25cfba4d7",
    );
    g.finish();
}

/// Rebuilds the object AAD from the documented layout and opens the envelope with raw AES-GCM.
#[test]
fn object_envelope_matches_documented_layout() {
    let key = ContentKey::generate_with(1, &mut TestRng::new(7));
    let field = ObjectContext {
        practice_id: PRACTICE,
        object_id: OBJECT,
        field: "patient.last_name",
    };
    let bytes = key
        .encrypt_with(b"Mueller", &field, &mut TestRng::new(9))
        .to_bytes();
    let (header, rest) = bytes.split_at(9);
    assert_eq!(header, [0xDC, 0x01, 0x06, 0x00, 0x04, 0, 0, 0, 1]);
    let (nonce, ciphertext) = rest.split_at(12);
    let mut aad = b"derma-consent/v1/object".to_vec();
    aad.extend_from_slice(header);
    aad.extend_from_slice(&[0xA1; 16]);
    aad.extend_from_slice(&[0xC3; 16]);
    aad.extend_from_slice(&17u32.to_be_bytes());
    aad.extend_from_slice(b"patient.last_name");
    let nonce: [u8; 12] = nonce.try_into().expect("12 bytes");
    let plain =
        crate::hazmat::aead::open(key.secret().expose(), &nonce, ciphertext, &aad).expect("open");
    assert_eq!(plain.as_slice(), b"Mueller");
}
