//! Every Unicode scalar value, alone and between a letter and a combining mark, through the
//! canonical name form: idempotent, letters only, never a panic. Complements the random property
//! tests in `src/blind_index/properties.rs` with a complete sweep.

// About 25 s in a debug build natively; WASM runs the same code through the property tests.
#![cfg(not(target_arch = "wasm32"))]

use crypto::canonical_name;

#[test]
fn every_scalar_value_is_idempotent() {
    let mut failures = Vec::new();
    for c in (0..=0x0010_FFFF_u32).filter_map(char::from_u32) {
        for input in [c.to_string(), format!("a{c}\u{308}")] {
            if let Ok(once) = canonical_name(&input) {
                let twice = canonical_name(&once);
                if twice.as_ref() != Ok(&once) || !once.chars().all(char::is_alphabetic) {
                    failures.push(format!("U+{:04X} in {input:?}: {once:?} then {twice:?}", u32::from(c)));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failures, first: {:?}", failures.len(), failures.first());
}
