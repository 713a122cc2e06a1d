//! Canonical forms for the blind index, scheme v1 (research §2.4). They must be identical on
//! every client forever: changing anything here means a new scheme version and recomputing every
//! stored index. Property tests (`tests/canonical.rs`) pin the behaviour.
//!
//! Names: NFKC → full case folding (Unicode `CaseFolding.txt` C+F, so ß and ẞ become ss) → NFKC again
//! (folding can leave decomposed text) → ä→ae, ö→oe, ü→ue, ß→ss (DIN 5007-2, before stripping,
//! so that Müller and Mueller meet) → NFD, drop combining marks (é→e) → keep letters only
//! (spaces, hyphens, apostrophes, dots and digits go) → NFC. The steps repeat until nothing
//! changes (at most three rounds), which makes the form idempotent even for the rare characters
//! whose folding produces something NFKC would map again. Empty result → error.
//!
//! Email: trim → NFKC → lowercase. Must contain an `@` with text on both sides.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::BlindIndexError;

fn name_round(input: &str) -> String {
    let composed: String = input.nfkc().collect();
    let folded: String = caseless::default_case_fold_str(&composed).nfkc().collect();
    let mut transliterated = String::with_capacity(folded.len() + 4);
    for c in folded.chars() {
        match c {
            'ä' => transliterated.push_str("ae"),
            'ö' => transliterated.push_str("oe"),
            'ü' => transliterated.push_str("ue"),
            'ß' => transliterated.push_str("ss"),
            other => transliterated.push(other),
        }
    }
    let letters: String = transliterated
        .nfd()
        .filter(|c| !is_combining_mark(*c) && c.is_alphabetic())
        .collect();
    letters.nfc().collect()
}

/// The canonical form of a first or last name.
pub fn canonical_name(input: &str) -> Result<String, BlindIndexError> {
    let mut current = name_round(input);
    for _ in 0..2 {
        let next = name_round(&current);
        if next == current {
            break;
        }
        current = next;
    }
    if current.is_empty() {
        return Err(BlindIndexError::EmptyName("name"));
    }
    Ok(current)
}

/// The canonical form of an email address.
pub fn canonical_email(input: &str) -> Result<String, BlindIndexError> {
    let normalized: String = input.trim().nfkc().collect::<String>().to_lowercase();
    let normalized = normalized.trim().to_owned();
    match normalized.rsplit_once('@') {
        Some((local, domain)) if !local.is_empty() && !domain.is_empty() => Ok(normalized),
        _ => Err(BlindIndexError::InvalidEmail),
    }
}
