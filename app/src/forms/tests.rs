//! Tests of the forms: their structure and content rules, the hash, and the answer logic.

mod answers;
mod content;
mod hashing;
mod mutations;
mod structure;

use super::{all_forms, consent_form, ConsentForm, QuestionKind};

/// Every text a patient or physician reads in a form, to check them all alike.
fn texts(form: &ConsentForm) -> Vec<&'static str> {
    let mut out = vec![form.title, form.version];
    out.extend(form.intro);
    for q in form.questions {
        out.push(q.text);
        out.extend(q.hint);
        match q.kind {
            QuestionKind::YesNo { details } => out.extend(details),
            QuestionKind::Choice { options, .. } => out.extend(options.iter().map(|o| o.label)),
            QuestionKind::Text { .. } => {}
        }
        out.extend(q.knockout.map(|k| k.reason));
    }
    for s in form.information {
        out.push(s.heading);
        out.extend(s.paragraphs);
    }
    for c in form.comprehension {
        out.extend([c.question, c.explanation]);
        out.extend(c.options.iter().map(|o| o.label));
    }
    out
}

#[test]
fn all_forms_lists_each_type_and_language_once() {
    let forms: Vec<_> = all_forms().collect();
    assert_eq!(forms.len(), 12);
    for (i, a) in forms.iter().enumerate() {
        assert!(std::ptr::eq(*a, consent_form(a.kind, a.locale)));
        for b in &forms[i + 1..] {
            assert!(
                (a.kind, a.locale) != (b.kind, b.locale),
                "{} twice",
                a.version
            );
        }
    }
}
