//! The patient consent forms (DESIGN §5 step 2): for each treatment type and language, the
//! questionnaire with the answers that flag a possible contraindication for the physician, the
//! information §630c/§630e BGB asks for (nature, risks, alternatives, aftercare, costs) and a
//! short comprehension check. All of it is `static` data, versioned and hashed; a submission
//! stores the hash of the exact form shown. See docs/consent-forms.md, including why the texts
//! must be approved by a physician before they reach patients.

mod answers;
mod botox;
mod chemical_peel;
mod common;
mod filler;
mod hash;
mod laser;
mod microneedling;
mod model;
mod prp;
mod superseded;

#[cfg(test)]
mod tests;

use domain::ConsentType;

use crate::i18n::Locale;
pub use answers::{AnswerProblem, AnswerValue, QuestionnaireAnswers, DETAILS_MAX_CHARS};
pub use model::{
    CheckItem, Choice, ConsentForm, InfoKind, InfoSection, Knockout, Question, QuestionKind, YES,
};

/// The form for this treatment type in this language.
pub fn consent_form(kind: ConsentType, locale: Locale) -> &'static ConsentForm {
    match (kind, locale) {
        (ConsentType::Botox, Locale::De) => &botox::DE,
        (ConsentType::Botox, Locale::En) => &botox::EN,
        (ConsentType::Filler, Locale::De) => &filler::DE,
        (ConsentType::Filler, Locale::En) => &filler::EN,
        (ConsentType::Laser, Locale::De) => &laser::DE,
        (ConsentType::Laser, Locale::En) => &laser::EN,
        (ConsentType::ChemicalPeel, Locale::De) => &chemical_peel::DE,
        (ConsentType::ChemicalPeel, Locale::En) => &chemical_peel::EN,
        (ConsentType::Microneedling, Locale::De) => &microneedling::DE,
        (ConsentType::Microneedling, Locale::En) => &microneedling::EN,
        (ConsentType::Prp, Locale::De) => &prp::DE,
        (ConsentType::Prp, Locale::En) => &prp::EN,
    }
}

/// The current form of `kind`, in whichever language has this hash: the one a patient saw.
pub fn form_with_hash(
    kind: ConsentType,
    hash: &[u8; 32],
) -> Option<(Locale, &'static ConsentForm)> {
    Locale::ALL
        .iter()
        .map(|&locale| (locale, consent_form(kind, locale)))
        .find(|(_, form)| form.hash().as_bytes() == hash)
}

/// The form of `kind` with this hash among every form ever published, current or superseded:
/// what a patient saw when they signed, for the staff review. Patients submit only against
/// [`form_with_hash`].
pub fn published_form_with_hash(
    kind: ConsentType,
    hash: &[u8; 32],
) -> Option<(Locale, &'static ConsentForm)> {
    form_with_hash(kind, hash).or_else(|| {
        superseded::SUPERSEDED
            .iter()
            .find(|form| form.kind == kind && form.hash().as_bytes() == hash)
            .map(|form| (form.locale, *form))
    })
}

/// Every form ever published: the current ones, then the superseded.
pub fn published_forms() -> impl Iterator<Item = &'static ConsentForm> {
    all_forms().chain(superseded::SUPERSEDED.iter().copied())
}

/// Every form, type by type, German before English.
pub fn all_forms() -> impl Iterator<Item = &'static ConsentForm> {
    ConsentType::ALL.iter().flat_map(|&kind| {
        Locale::ALL
            .iter()
            .map(move |&locale| consent_form(kind, locale))
    })
}
