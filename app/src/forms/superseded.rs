//! Forms that patients signed but that are no longer offered: kept word for word, because a
//! signed consent is always shown, flagged and countersigned against the exact text the patient
//! saw (§630f BGB), never against a newer one.
//!
//! When a form changes, move its old `static` here (renamed, e.g. `BOTOX_DE_2026_12_1`), list it
//! below, and give the current form its new version. The test
//! `published_versions_stay_readable` fails for any pinned version that is neither current nor
//! listed here. Only staff code (the review) reaches this list, so the patient bundle never
//! carries old forms.

use super::ConsentForm;

/// Every superseded form, oldest first.
pub static SUPERSEDED: &[&ConsentForm] = &[];
