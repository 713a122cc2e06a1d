//! Rules every form must keep so the patient page, the staff review and the stored answers can
//! rely on it, in particular that both languages of a type are the same form.

use std::collections::BTreeSet;

use domain::ConsentType;

use super::texts;
use crate::forms::{all_forms, consent_form, InfoKind, QuestionKind, YES};
use crate::i18n::Locale;

fn assert_unique<'a>(what: &str, version: &str, ids: impl IntoIterator<Item = &'a str>) {
    let mut seen = BTreeSet::new();
    for id in ids {
        assert!(seen.insert(id), "{version}: {what} id {id:?} twice");
        assert!(
            !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{version}: {what} id {id:?} is not snake_case ASCII"
        );
    }
}

#[test]
fn each_type_and_language_has_its_own_form() {
    for &kind in ConsentType::ALL {
        for &locale in Locale::ALL {
            let form = consent_form(kind, locale);
            assert_eq!((form.kind, form.locale), (kind, locale));
            let prefix = format!(
                "{}-{}-",
                kind.as_str().to_lowercase().replace('_', "-"),
                locale.tag()
            );
            assert!(
                form.version.starts_with(&prefix),
                "{} should start with {prefix}",
                form.version
            );
            assert!(
                (1..=10).contains(&form.minutes),
                "{}: {} minutes",
                form.version,
                form.minutes
            );
        }
    }
}

#[test]
fn ids_are_unique_within_their_scope() {
    for form in all_forms() {
        assert_unique(
            "question",
            form.version,
            form.questions.iter().map(|q| q.id),
        );
        assert_unique(
            "check",
            form.version,
            form.comprehension.iter().map(|c| c.id),
        );
        for q in form.questions {
            if let QuestionKind::Choice { options, .. } = q.kind {
                assert!(
                    options.len() >= 2,
                    "{}: {} offers too few options",
                    form.version,
                    q.id
                );
                assert_unique(q.id, form.version, options.iter().map(|o| o.id));
            }
        }
        for c in form.comprehension {
            assert_unique(c.id, form.version, c.options.iter().map(|o| o.id));
        }
    }
}

/// Everything an answer, a knockout or a comprehension result refers to, without the wording:
/// equal for both languages, so stored answers mean the same whichever language was shown.
fn skeleton(form: &crate::forms::ConsentForm) -> Vec<String> {
    let mut out = Vec::new();
    for q in form.questions {
        let kind = match q.kind {
            QuestionKind::YesNo { details } => format!("yes/no details={}", details.is_some()),
            QuestionKind::Choice { options, multiple } => {
                let ids: Vec<_> = options.iter().map(|o| o.id).collect();
                format!("choice multiple={multiple} {ids:?}")
            }
            QuestionKind::Text { max_chars } => format!("text {max_chars}"),
        };
        let knockout = q.knockout.map(|k| k.on);
        out.push(format!(
            "{} {kind} required={} knockout={knockout:?}",
            q.id, q.required
        ));
    }
    out.extend(form.information.iter().map(|s| format!("{:?}", s.kind)));
    for c in form.comprehension {
        let ids: Vec<_> = c.options.iter().map(|o| o.id).collect();
        out.push(format!("check {} {ids:?} correct={}", c.id, c.correct));
    }
    out
}

#[test]
fn every_language_of_a_type_shares_ids_options_and_knockouts() {
    for &kind in ConsentType::ALL {
        let first = consent_form(kind, Locale::ALL[0]);
        for &locale in &Locale::ALL[1..] {
            let other = consent_form(kind, locale);
            assert_eq!(
                skeleton(first),
                skeleton(other),
                "{kind}: {locale:?} differs"
            );
            assert_eq!(first.minutes, other.minutes, "{kind}: {locale:?}");
        }
    }
}

#[test]
fn knockouts_name_answers_the_question_offers() {
    for form in all_forms() {
        for q in form.questions {
            let Some(k) = q.knockout else { continue };
            assert!(
                !k.on.is_empty() && !k.reason.trim().is_empty(),
                "{}: {}",
                form.version,
                q.id
            );
            match q.kind {
                QuestionKind::YesNo { .. } => assert_eq!(k.on, [YES], "{}: {}", form.version, q.id),
                QuestionKind::Choice { options, .. } => {
                    for on in k.on {
                        assert!(
                            options.iter().any(|o| o.id == *on),
                            "{}: {} flags {on:?}",
                            form.version,
                            q.id
                        );
                    }
                }
                QuestionKind::Text { .. } => panic!("{}: {} flags free text", form.version, q.id),
            }
        }
    }
}

#[test]
fn comprehension_items_have_their_correct_answer_among_two_or_more_options() {
    for form in all_forms() {
        assert!(form.comprehension.len() >= 2, "{}", form.version);
        for c in form.comprehension {
            assert!(c.options.len() >= 2, "{}: {}", form.version, c.id);
            assert!(
                c.options.iter().any(|o| o.id == c.correct),
                "{}: {} correct {:?}",
                form.version,
                c.id,
                c.correct
            );
        }
    }
}

#[test]
fn information_covers_every_kind_once_in_order() {
    for form in all_forms() {
        let kinds: Vec<_> = form.information.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, InfoKind::ALL, "{}", form.version);
        for s in form.information {
            assert!(
                !s.paragraphs.is_empty(),
                "{}: {:?} is empty",
                form.version,
                s.kind
            );
        }
    }
}

#[test]
fn texts_are_present_and_tidy() {
    for form in all_forms() {
        assert!(form.intro.len() >= 2, "{}", form.version);
        for text in texts(form) {
            assert!(!text.trim().is_empty(), "{}: empty text", form.version);
            assert_eq!(
                text,
                text.trim(),
                "{}: stray space in {text:?}",
                form.version
            );
            assert!(
                !text.contains("  "),
                "{}: double space in {text:?}",
                form.version
            );
            // A line continuation without its space glues words ("dieBehandlung").
            let glued = text.split(' ').find(|w| {
                let w: Vec<char> = w.chars().collect();
                w.windows(2)
                    .any(|p| p[0].is_lowercase() && p[1].is_uppercase())
            });
            assert_eq!(glued, None, "{}: glued words in {text:?}", form.version);
        }
    }
}
