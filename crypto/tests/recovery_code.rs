//! The printed recovery code: its layout, tolerant parsing, and the checksum that names a
//! mistyped group.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use crypto::{RecoveryCode, RecoveryCodeError};

const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn printed() -> String {
    RecoveryCode::generate().to_printable().to_string()
}

/// Whether two printable codes parse to the same secret (compared through a wrap).
fn same_code(a: &RecoveryCode, b: &RecoveryCode) -> bool {
    let practice = crypto::PracticeId::from_bytes([1; 16]);
    let pmk = crypto::PracticeMasterKey::generate(practice, 1);
    crypto::PracticeMasterKey::unwrap_with_recovery_code(
        &pmk.wrap_with_recovery_code(a),
        b,
        practice,
    )
    .is_ok()
}

#[test]
fn layout_is_13_groups_of_5() {
    let text = printed();
    let groups: Vec<&str> = text.split('-').collect();
    assert_eq!(groups.len(), 13);
    assert!(groups
        .iter()
        .all(|g| g.len() == 5 && g.chars().all(|c| ALPHABET.contains(c))));
}

#[test]
fn parse_tolerates_case_spaces_dashes_and_look_alikes() {
    let code = RecoveryCode::generate();
    let text = code.to_printable().to_string();
    let variants = [
        text.clone(),
        text.to_lowercase(),
        text.replace('-', " "),
        text.replace('-', ""),
        text.replace('-', "\n"),
        format!("  {}  ", text.replace('-', " - ")),
        text.replace('0', "o").replace('1', "l"),
        text.replace('1', "I"),
    ];
    for variant in variants {
        let parsed = RecoveryCode::parse(&variant).expect(&variant);
        assert!(same_code(&code, &parsed));
    }
}

#[test]
fn every_single_character_typo_names_its_group() {
    let text = printed().replace('-', "");
    for position in 0..text.len() {
        let original = text.as_bytes()[position] as char;
        let replacement = ALPHABET
            .chars()
            .find(|&c| c != original)
            .expect("another symbol");
        let mut typo: Vec<char> = text.chars().collect();
        typo[position] = replacement;
        let typo: String = typo.into_iter().collect();
        assert_eq!(
            RecoveryCode::parse(&typo).err(),
            Some(RecoveryCodeError::Group {
                group: position / 5 + 1
            }),
            "position {position}"
        );
    }
}

#[test]
fn swapped_neighbours_and_swapped_groups_are_caught() {
    let text = printed();
    let chars: Vec<char> = text.chars().collect();
    for i in 0..chars.len() - 1 {
        if chars[i] == '-' || chars[i + 1] == '-' || chars[i] == chars[i + 1] {
            continue;
        }
        let mut swapped = chars.clone();
        swapped.swap(i, i + 1);
        let swapped: String = swapped.into_iter().collect();
        assert!(
            matches!(
                RecoveryCode::parse(&swapped),
                Err(RecoveryCodeError::Group { .. })
            ),
            "at {i}"
        );
    }
    let mut groups: Vec<&str> = text.split('-').collect();
    groups.swap(2, 7);
    assert!(matches!(
        RecoveryCode::parse(&groups.join("-")),
        Err(RecoveryCodeError::Group { group: 3 })
    ));
}

#[test]
fn wrong_length_and_foreign_characters_are_named() {
    let text = printed();
    assert_eq!(
        RecoveryCode::parse(&text[..text.len() - 1]).err(),
        Some(RecoveryCodeError::Length { found: 64 })
    );
    assert_eq!(
        RecoveryCode::parse("").err(),
        Some(RecoveryCodeError::Length { found: 0 })
    );
    let with_u = format!("U{}", &text[1..]);
    assert_eq!(
        RecoveryCode::parse(&with_u).err(),
        Some(RecoveryCodeError::Character { position: 1 })
    );
    assert_eq!(
        RecoveryCode::parse("ä").err(),
        Some(RecoveryCodeError::Character { position: 1 })
    );
}

#[test]
fn codes_are_fresh() {
    assert_ne!(printed(), printed());
}
