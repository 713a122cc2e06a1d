//! The clinical minimum each type must ask (research/anchor-derma-consent.md §7 lists what the
//! reference product left out). Removing one of these questions, or its flag for the physician,
//! should be a deliberate change to this list.

use domain::ConsentType;

use crate::forms::{all_forms, consent_form, ConsentForm, QuestionKind};
use crate::i18n::Locale;

/// Asked in every form; `true` means a yes (or the flagged options) must reach the physician,
/// `false` leaves flagging to the form.
const EVERY_FORM: &[(&str, bool)] = &[
    ("areas", false),
    ("allergy_product", true),
    ("allergies", false),
    ("medication", false),
    ("pregnant", true),
    ("skin_infection", true),
    ("recent_treatments", false),
    ("previous_complications", true),
    ("notes", false),
];

const BY_TYPE: &[(ConsentType, &[(&str, bool)])] = &[
    (
        ConsentType::Botox,
        &[
            ("previous_toxin", true),
            ("neuromuscular", true),
            ("aminoglycosides", true),
            ("swallowing_breathing", true),
            ("eyelid", true),
            ("anticoagulants", true),
            ("bleeding_supplements", false),
        ],
    ),
    (
        ConsentType::Filler,
        &[
            ("anticoagulants", true),
            ("bleeding_supplements", false),
            ("autoimmune", true),
            ("permanent_filler", true),
            ("herpes", true),
            ("dental", true),
        ],
    ),
    (
        ConsentType::Laser,
        &[
            ("skin_type", true),
            ("sun_tan", true),
            ("photosensitising", true),
            ("isotretinoin", true),
            ("herpes", true),
            ("keloids", true),
            ("autoimmune", true),
            ("gold_therapy", true),
            ("tattoo_area", true),
        ],
    ),
    (
        ConsentType::ChemicalPeel,
        &[
            ("skin_type", true),
            ("sun_tan", true),
            ("photosensitising", true),
            ("isotretinoin", true),
            ("topical_retinoids", true),
            ("herpes", true),
            ("keloids", true),
        ],
    ),
    (
        ConsentType::Microneedling,
        &[
            ("isotretinoin", true),
            ("keloids", true),
            ("anticoagulants", true),
            ("herpes", true),
            ("pacemaker", true),
            ("wound_healing", true),
        ],
    ),
    (
        ConsentType::Prp,
        &[
            ("blood_disorder", true),
            ("anticoagulants", true),
            ("bleeding_supplements", true),
            ("cortisone", true),
            ("infection_fever", true),
            ("cancer", true),
        ],
    ),
];

fn assert_asks(form: &ConsentForm, id: &str, flagged: bool) {
    let q = form
        .question(id)
        .unwrap_or_else(|| panic!("{} does not ask {id}", form.version));
    assert!(
        !flagged || q.knockout.is_some(),
        "{}: {id} is not flagged for the physician",
        form.version
    );
}

#[test]
fn every_form_asks_the_basics() {
    for form in all_forms() {
        for &(id, flagged) in EVERY_FORM {
            assert_asks(form, id, flagged);
        }
        let areas = form.question("areas").map(|q| q.kind);
        assert!(
            matches!(areas, Some(QuestionKind::Choice { multiple: true, .. })),
            "{}: areas must be a multiple choice",
            form.version
        );
        assert!(
            form.questions.iter().filter(|q| q.required).count() >= 10,
            "{}",
            form.version
        );
    }
}

#[test]
fn each_type_asks_what_it_specifically_needs() {
    for &(kind, questions) in BY_TYPE {
        for &locale in Locale::ALL {
            for &(id, flagged) in questions {
                assert_asks(consent_form(kind, locale), id, flagged);
            }
        }
    }
    assert_eq!(BY_TYPE.len(), ConsentType::ALL.len());
}

#[test]
fn the_serious_risks_are_named() {
    let mentions = |kind, locale, words: &[&str]| {
        let form = consent_form(kind, locale);
        let risks = form
            .information
            .iter()
            .filter(|s| s.kind == crate::forms::InfoKind::Risks)
            .flat_map(|s| s.paragraphs)
            .map(|p| p.to_lowercase())
            .collect::<String>();
        for w in words {
            assert!(
                risks.contains(w),
                "{}: risks do not mention {w:?}",
                form.version
            );
        }
    };
    mentions(
        ConsentType::Filler,
        Locale::De,
        &["blutgefäß", "erblindung", "hyaluronidase"],
    );
    mentions(
        ConsentType::Filler,
        Locale::En,
        &["blood vessel", "blindness", "hyaluronidase"],
    );
    mentions(
        ConsentType::Botox,
        Locale::De,
        &["oberlid", "atembeschwerden", "nicht sofort rückgängig"],
    );
    mentions(
        ConsentType::Botox,
        Locale::En,
        &["eyelid", "breathing", "cannot be reversed"],
    );
    mentions(
        ConsentType::Laser,
        Locale::De,
        &["verbrennungen", "narben", "dunkler oder heller", "auge"],
    );
    mentions(
        ConsentType::Laser,
        Locale::En,
        &["burns", "scars", "darker or lighter", "eye"],
    );
    mentions(
        ConsentType::ChemicalPeel,
        Locale::De,
        &["narben", "dunkle flecken"],
    );
    mentions(
        ConsentType::ChemicalPeel,
        Locale::En,
        &["scars", "dark patches"],
    );
}
