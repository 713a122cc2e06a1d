//! Property tests of the canonical form and the blind index (issue 3): idempotent; composed and
//! decomposed Unicode give the same index; Müller, MUELLER, Mueller and "Mül-ler" collide;
//! ("ab","c") and ("a","bc") do not; nothing panics on arbitrary Unicode. They run natively and,
//! through wasm-bindgen-test, in WASM.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use proptest_nofork::prelude::*;
use unicode_normalization::UnicodeNormalization;

use super::{
    canonical_email, canonical_name, email_message, name_dob_message, BirthDate, BlindIndexKey,
};
use crate::ids::PracticeId;
use crate::testing::TestRng;

/// Characters that make names hard: umlauts both ways, ß/ẞ, combining marks, separators,
/// Turkish i, Greek final sigma and iota subscript, ligatures, full-width, digits, emoji.
const TRICKY: &[char] = &[
    'a', 'e', 'u', 'o', 's', 'M', 'L', 'Ä', 'ä', 'Ö', 'ö', 'Ü', 'ü', 'ß', 'ẞ', 'é', 'È', 'ç', 'ñ',
    'ł', 'ø', 'å', 'æ', '\u{308}', '\u{301}', '\u{327}', '\u{323}', '\u{345}', '-', '‐', '–', '\'',
    '’', 'ʼ', '.', ' ', '\u{a0}', 'İ', 'ı', 'I', 'Σ', 'ς', 'σ', 'ᾳ', 'ﬁ', 'ﬀ', 'Ａ', 'ｍ', 'ſ',
    '1', '٣', 'Ǆ', 'ǅ', 'Å', 'Å', 'Ω', 'Ω', '😀', '\u{200d}',
];

fn tricky() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TRICKY), 0..14)
        .prop_map(|chars| chars.into_iter().collect())
}

fn birth() -> BirthDate {
    BirthDate::new(1980, 2, 29).expect("leap day")
}

fn key() -> BlindIndexKey {
    BlindIndexKey::generate_with(PracticeId::from_bytes([3; 16]), 1, &mut TestRng::new(42))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn canonical_name_is_idempotent(s in any::<String>()) {
        if let Ok(once) = canonical_name(&s) {
            prop_assert_eq!(canonical_name(&once), Ok(once.clone()));
        }
    }

    #[test]
    fn canonical_name_is_idempotent_on_tricky_names(s in tricky()) {
        if let Ok(once) = canonical_name(&s) {
            prop_assert_eq!(canonical_name(&once), Ok(once.clone()));
        }
    }

    #[test]
    fn composed_and_decomposed_give_the_same_index(last in tricky(), first in tricky()) {
        let index = |l: &str, f: &str| key().name_dob_index(l, f, birth());
        let nfc = index(&last.nfc().collect::<String>(), &first.nfc().collect::<String>());
        let nfd = index(&last.nfd().collect::<String>(), &first.nfd().collect::<String>());
        prop_assert_eq!(nfc, nfd);
    }

    #[test]
    fn composed_and_decomposed_give_the_same_form(s in any::<String>()) {
        prop_assert_eq!(canonical_name(&s.nfc().collect::<String>()), canonical_name(&s.nfd().collect::<String>()));
    }

    #[test]
    fn output_is_letters_only_and_nfc(s in any::<String>()) {
        if let Ok(form) = canonical_name(&s) {
            prop_assert!(form.chars().all(char::is_alphabetic));
            prop_assert_eq!(form.nfc().collect::<String>(), form);
        }
    }

    /// Different canonical field pairs never give the same HMAC input (length prefixes).
    #[test]
    fn field_boundaries_are_unambiguous(a in tricky(), b in tricky(), c in tricky(), d in tricky()) {
        if let (Ok(m1), Ok(m2)) = (name_dob_message(&a, &b, birth()), name_dob_message(&c, &d, birth())) {
            let same_fields = canonical_name(&a) == canonical_name(&c) && canonical_name(&b) == canonical_name(&d);
            prop_assert_eq!(m1 == m2, same_fields);
        }
    }

    #[test]
    fn nothing_panics_on_arbitrary_unicode(a in any::<String>(), b in any::<String>(), e in any::<String>()) {
        let _ = key().name_dob_index(&a, &b, birth());
        let _ = key().email_index(&e);
        let _ = BirthDate::parse_iso(&a);
    }

    #[test]
    fn canonical_email_is_idempotent(s in any::<String>()) {
        if let Ok(once) = canonical_email(&s) {
            prop_assert_eq!(canonical_email(&once), Ok(once.clone()));
        }
    }

    #[test]
    fn ascii_email_case_and_padding_do_not_matter(local in "[A-Za-z0-9._+-]{1,20}", domain in "[A-Za-z0-9-]{1,20}\\.[A-Za-z]{2,6}") {
        let email = format!("{local}@{domain}");
        prop_assert_eq!(
            email_message(&email.to_uppercase()).ok(),
            email_message(&format!("  {} ", email.to_lowercase())).ok()
        );
    }
}

#[test]
fn mueller_spellings_collide() {
    let key = key();
    let index = |last: &str| key.name_dob_index(last, "Anna", birth()).expect("index");
    let expected = index("Müller");
    for spelling in [
        "MUELLER",
        "Mueller",
        "Mül-ler",
        "Mu\u{308}ller",
        "mÜller",
        "Müller ",
        "Mül ler",
        "MÜLLER",
    ] {
        assert_eq!(index(spelling), expected, "{spelling}");
    }
    assert_eq!(canonical_name("Weiß").ok(), canonical_name("WEISS").ok());
    assert_eq!(canonical_name("Straße").ok(), canonical_name("STRAẞE").ok());
    assert_eq!(
        canonical_name("Éloïse-Marie d'Aubigné").ok(),
        Some("eloisemariedaubigne".to_owned())
    );
    assert_ne!(index("Müller"), index("Muller"), "ü is ue, not u");
}

#[test]
fn ab_c_and_a_bc_do_not_collide() {
    let key = key();
    let ab_c = key.name_dob_index("ab", "c", birth()).expect("index");
    let a_bc = key.name_dob_index("a", "bc", birth()).expect("index");
    assert_ne!(
        name_dob_message("ab", "c", birth()),
        name_dob_message("a", "bc", birth())
    );
    assert_ne!(ab_c, a_bc);
}

#[test]
fn names_without_letters_are_refused() {
    assert!(canonical_name("").is_err());
    assert!(canonical_name(" - ' . 123").is_err());
    assert!(key().name_dob_index("Müller", "😀", birth()).is_err());
}

#[test]
fn birth_dates_are_strict() {
    assert_eq!(
        BirthDate::parse_iso("1980-02-29").map(|d| d.iso()),
        Ok("1980-02-29".to_owned())
    );
    for bad in [
        "1981-02-29",
        "1980-2-29",
        "1980-13-01",
        "1980-00-10",
        "1980-01-32",
        "80-01-01",
        "1980/01/01",
        "１９８０-01-01",
        "",
    ] {
        assert!(BirthDate::parse_iso(bad).is_err(), "{bad}");
    }
    assert!(BirthDate::new(2000, 2, 29).is_ok());
    assert!(BirthDate::new(1900, 2, 29).is_err());
}

#[test]
fn index_depends_on_practice_key_and_field() {
    let a = key();
    let b = BlindIndexKey::generate_with(PracticeId::from_bytes([4; 16]), 1, &mut TestRng::new(42));
    let email_a = a.email_index("anna@example.org").expect("index");
    assert_eq!(email_a.bits(), 12);
    assert!(email_a.value() < 4096);
    // Same key bytes, other practice: the HKDF salt separates them (12-bit values may still
    // collide by chance, so compare several).
    let differ = ["a@x.de", "b@x.de", "c@x.de", "d@x.de"]
        .iter()
        .any(|e| a.email_index(e).ok() != b.email_index(e).ok());
    assert!(differ);
}
