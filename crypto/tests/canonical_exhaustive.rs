//! Every assigned-plane Unicode scalar value, alone and between a letter and a combining mark,
//! through the canonical name form: idempotent, letters only, never a panic. Complements the
//! random property tests in `src/blind_index/properties.rs` with a complete sweep. Planes 4–13
//! hold no characters and 15–16 only private use (never letters), so they are skipped.

// Several seconds in a debug build; WASM runs the same code through the property tests.
#![cfg(not(target_arch = "wasm32"))]

use crypto::canonical_name;

#[test]
fn every_scalar_value_is_idempotent() {
    let mut failures = Vec::new();
    let planes = (0..=0x0003_FFFF_u32).chain(0x000E_0000..=0x000E_FFFF);
    for c in planes.filter_map(char::from_u32) {
        for input in [c.to_string(), format!("a{c}\u{308}")] {
            if let Ok(once) = canonical_name(&input) {
                let twice = canonical_name(&once);
                if twice.as_ref() != Ok(&once) || !once.chars().all(char::is_alphabetic) {
                    failures.push(format!(
                        "U+{:04X} in {input:?}: {once:?} then {twice:?}",
                        u32::from(c)
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures, first: {:?}",
        failures.len(),
        failures.first()
    );
}
