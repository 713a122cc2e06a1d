//! Checking answers against a form, the knockouts they trigger, and the comprehension check.

use std::collections::BTreeMap;

use domain::ConsentType;

use crate::forms::{
    all_forms, consent_form, AnswerProblem, AnswerValue, ConsentForm, Question, QuestionKind,
    QuestionnaireAnswers, DETAILS_MAX_CHARS,
};
use crate::i18n::Locale;

fn botox() -> &'static ConsentForm {
    consent_form(ConsentType::Botox, Locale::De)
}

/// "No" to every yes/no question and the first option of every choice: a complete answer set
/// with no reason for concern.
fn unremarkable(form: &ConsentForm) -> QuestionnaireAnswers {
    let answers = form.questions.iter().filter_map(|q| {
        let value = match q.kind {
            QuestionKind::YesNo { .. } => AnswerValue::No,
            QuestionKind::Choice { options, .. } => {
                AnswerValue::Choices(vec![options[0].id.to_owned()])
            }
            QuestionKind::Text { .. } if q.required => AnswerValue::Text("–".to_owned()),
            QuestionKind::Text { .. } => return None,
        };
        Some((q.id.to_owned(), value))
    });
    QuestionnaireAnswers(answers.collect())
}

fn set(mut answers: QuestionnaireAnswers, id: &str, value: AnswerValue) -> QuestionnaireAnswers {
    answers.0.insert(id.to_owned(), value);
    answers
}

fn yes(details: &str) -> AnswerValue {
    AnswerValue::Yes {
        details: details.to_owned(),
    }
}

fn choices(ids: &[&str]) -> AnswerValue {
    AnswerValue::Choices(ids.iter().map(|&s| s.to_owned()).collect())
}

#[test]
fn a_complete_unremarkable_answer_set_fits_every_form_and_flags_nothing() {
    for form in all_forms() {
        let answers = unremarkable(form);
        assert_eq!(form.check_answers(&answers), Ok(()), "{}", form.version);
        assert_eq!(form.knockouts(&answers), [], "{}", form.version);
    }
}

#[test]
fn missing_answers_are_named() {
    let form = botox();
    let mut answers = unremarkable(form);
    answers.0.remove("pregnant");
    let answers = set(answers, "areas", choices(&[]));
    assert_eq!(
        form.check_answers(&answers),
        Err(vec![
            AnswerProblem::Missing("areas"),
            AnswerProblem::Missing("pregnant")
        ])
    );
    // Optional questions may stay unanswered or blank.
    let answers = set(
        unremarkable(form),
        "notes",
        AnswerValue::Text("  ".to_owned()),
    );
    assert_eq!(form.check_answers(&answers), Ok(()));
}

#[test]
fn a_blank_required_text_counts_as_missing() {
    static REQUIRED_TEXT: &[Question] = &[Question::text("why", "Why?", 10)];
    let form = ConsentForm {
        questions: REQUIRED_TEXT,
        ..*botox()
    };
    let answers = |t: &str| {
        QuestionnaireAnswers([("why".to_owned(), AnswerValue::Text(t.to_owned()))].into())
    };
    assert_eq!(
        form.check_answers(&answers(" ")),
        Err(vec![AnswerProblem::Missing("why")])
    );
    assert_eq!(form.check_answers(&answers("because")), Ok(()));
    assert_eq!(
        form.check_answers(&QuestionnaireAnswers::default()),
        Err(vec![AnswerProblem::Missing("why")])
    );
}

#[test]
fn answers_to_unknown_questions_are_named() {
    let form = botox();
    let answers = set(
        unremarkable(form),
        "shoe_size",
        AnswerValue::Text("42".to_owned()),
    );
    assert_eq!(
        form.check_answers(&answers),
        Err(vec![AnswerProblem::Unknown("shoe_size".to_owned())])
    );
}

#[test]
fn answers_the_question_does_not_offer_are_named() {
    let form = botox();
    let cases = [
        ("areas", choices(&["forehead", "elbow"])),
        ("previous_toxin", choices(&["yesterday"])),
        ("pregnant", AnswerValue::Text("no".to_owned())),
        ("areas", AnswerValue::No),
        ("notes", yes("")),
        // A yes with details where the question asks for none.
        ("toxin_no_effect", yes("it wore off")),
    ];
    for (id, value) in cases {
        let answers = set(unremarkable(form), id, value.clone());
        let q = form.question(id).map(|q| q.id).expect("asked");
        assert_eq!(
            form.check_answers(&answers),
            Err(vec![AnswerProblem::NotOffered(q)]),
            "{value:?}"
        );
    }
    // A bare yes is always fine.
    assert_eq!(
        form.check_answers(&set(unremarkable(form), "toxin_no_effect", yes(" "))),
        Ok(())
    );
}

#[test]
fn too_many_choices_are_named() {
    let form = botox();
    let single = set(
        unremarkable(form),
        "previous_toxin",
        choices(&["never", "over_3_months"]),
    );
    assert_eq!(
        form.check_answers(&single),
        Err(vec![AnswerProblem::TooMany("previous_toxin")])
    );
    let twice = set(
        unremarkable(form),
        "areas",
        choices(&["forehead", "forehead"]),
    );
    assert_eq!(
        form.check_answers(&twice),
        Err(vec![AnswerProblem::TooMany("areas")])
    );
    let several = set(
        unremarkable(form),
        "areas",
        choices(&["forehead", "glabella", "crows_feet"]),
    );
    assert_eq!(form.check_answers(&several), Ok(()));
}

#[test]
fn texts_longer_than_allowed_are_named_counting_characters_not_bytes() {
    let form = botox();
    let Some(QuestionKind::Text { max_chars }) = form.question("notes").map(|q| q.kind) else {
        panic!("notes is free text");
    };
    let text = |n: u16| "ä".repeat(usize::from(n));
    let at_limit = set(
        unremarkable(form),
        "notes",
        AnswerValue::Text(text(max_chars)),
    );
    assert_eq!(form.check_answers(&at_limit), Ok(()));
    let over = set(
        unremarkable(form),
        "notes",
        AnswerValue::Text(text(max_chars + 1)),
    );
    assert_eq!(
        form.check_answers(&over),
        Err(vec![AnswerProblem::TooLong("notes")])
    );

    let details = |n: u16| set(unremarkable(form), "medication", yes(&text(n)));
    assert_eq!(form.check_answers(&details(DETAILS_MAX_CHARS)), Ok(()));
    assert_eq!(
        form.check_answers(&details(DETAILS_MAX_CHARS + 1)),
        Err(vec![AnswerProblem::TooLong("medication")])
    );
}

#[test]
fn several_problems_are_reported_together_in_form_order_then_unknown_ids() {
    let form = botox();
    let mut answers = unremarkable(form);
    answers.0.remove("areas");
    let answers = set(answers, "notes", AnswerValue::Text("x".repeat(5000)));
    let answers = set(answers, "previous_toxin", choices(&["sometime"]));
    let answers = set(answers, "zzz", AnswerValue::No);
    assert_eq!(
        form.check_answers(&answers),
        Err(vec![
            AnswerProblem::Missing("areas"),
            AnswerProblem::NotOffered("previous_toxin"),
            AnswerProblem::TooLong("notes"),
            AnswerProblem::Unknown("zzz".to_owned()),
        ])
    );
}

#[test]
fn a_realistic_answer_set_flags_what_the_physician_must_see_in_either_language() {
    for locale in Locale::ALL {
        let form = consent_form(ConsentType::Botox, *locale);
        let answers = unremarkable(form);
        let answers = set(answers, "areas", choices(&["glabella", "forehead"]));
        let answers = set(answers, "previous_toxin", choices(&["within_3_months"]));
        let answers = set(answers, "medication", yes("L-Thyroxin 50"));
        let answers = set(answers, "anticoagulants", yes("ASS 100 nach Stent"));
        let answers = set(answers, "pregnant", AnswerValue::No);
        let answers = set(answers, "neuromuscular", yes("Myasthenia gravis"));
        assert_eq!(form.check_answers(&answers), Ok(()));
        let reason = |id| {
            form.question(id)
                .and_then(|q| q.knockout)
                .map(|k| k.reason)
                .expect("flag")
        };
        assert_eq!(
            form.knockouts(&answers),
            [
                ("previous_toxin", reason("previous_toxin")),
                ("anticoagulants", reason("anticoagulants")),
                ("neuromuscular", reason("neuromuscular")),
            ]
        );
    }
}

#[test]
fn flagged_options_count_among_several_choices() {
    let form = consent_form(ConsentType::Laser, Locale::En);
    let answers = set(unremarkable(form), "skin_type", choices(&["type5"]));
    assert_eq!(
        form.knockouts(&answers)
            .iter()
            .map(|k| k.0)
            .collect::<Vec<_>>(),
        ["skin_type"]
    );
    let answers = set(unremarkable(form), "skin_type", choices(&["type2"]));
    assert_eq!(form.knockouts(&answers), []);
}

#[test]
fn comprehension_passes_only_when_every_item_is_right() {
    let form = botox();
    let right: BTreeMap<String, String> = form
        .comprehension
        .iter()
        .map(|c| (c.id.to_owned(), c.correct.to_owned()))
        .collect();
    assert!(form.comprehension_passed(&right));
    assert!(form.comprehension_mistakes(&right).is_empty());

    let mut extra = right.clone();
    extra.insert("unrelated".to_owned(), "x".to_owned());
    assert!(form.comprehension_passed(&extra));

    let first = &form.comprehension[0];
    let wrong_option = first
        .options
        .iter()
        .find(|o| o.id != first.correct)
        .expect("a wrong option");
    let mut wrong = right.clone();
    wrong.insert(first.id.to_owned(), wrong_option.id.to_owned());
    assert!(!form.comprehension_passed(&wrong));
    assert_eq!(form.comprehension_mistakes(&wrong), [first]);

    let mut missing = right;
    missing.remove(form.comprehension[1].id);
    assert!(!form.comprehension_passed(&missing));
    assert!(!form.comprehension_passed(&BTreeMap::new()));
}

#[test]
fn answers_serialise_in_a_stable_shape() {
    let answers = QuestionnaireAnswers(
        [
            ("areas".to_owned(), choices(&["lips"])),
            ("medication".to_owned(), yes("Pille")),
            ("notes".to_owned(), AnswerValue::Text("Danke".to_owned())),
            ("pregnant".to_owned(), AnswerValue::No),
        ]
        .into(),
    );
    let json = serde_json::to_string(&answers).expect("serialises");
    assert_eq!(
        json,
        r#"{"areas":{"Choices":["lips"]},"medication":{"Yes":{"details":"Pille"}},"notes":{"Text":"Danke"},"pregnant":"No"}"#
    );
    assert_eq!(
        serde_json::from_str::<QuestionnaireAnswers>(&json).expect("parses"),
        answers
    );
}
