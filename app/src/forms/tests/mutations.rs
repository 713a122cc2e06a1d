//! Copies of a form that each differ from it in exactly one thing, for the hash tests. The
//! copies leak their edited slices: forms hold `&'static` data, and a test run is short.

use domain::ConsentType;

use crate::forms::{
    CheckItem, Choice, ConsentForm, InfoKind, InfoSection, Knockout, Question, QuestionKind,
};
use crate::i18n::Locale;

fn leak<T>(items: Vec<T>) -> &'static [T] {
    Vec::leak(items)
}

fn changed(s: &str) -> &'static str {
    String::leak(format!("{s}x"))
}

/// `items` with the element at `i` replaced.
fn with<T: Copy>(items: &[T], i: usize, item: T) -> &'static [T] {
    let mut v = items.to_vec();
    v[i] = item;
    leak(v)
}

fn without<T: Copy>(items: &[T], i: usize) -> &'static [T] {
    let mut v = items.to_vec();
    v.remove(i);
    leak(v)
}

fn texts_changed(items: &'static [&'static str]) -> Vec<&'static [&'static str]> {
    let mut out: Vec<_> = (0..items.len())
        .map(|i| with(items, i, changed(items[i])))
        .collect();
    out.extend((0..items.len()).map(|i| without(items, i)));
    out.push(leak([items, &["x"]].concat()));
    out
}

fn choices_changed(items: &'static [Choice]) -> Vec<&'static [Choice]> {
    let mut out = Vec::new();
    for (i, c) in items.iter().enumerate() {
        out.push(with(
            items,
            i,
            Choice {
                id: changed(c.id),
                ..*c
            },
        ));
        out.push(with(
            items,
            i,
            Choice {
                label: changed(c.label),
                ..*c
            },
        ));
        out.push(without(items, i));
    }
    out
}

fn questions_changed(q: Question) -> Vec<Question> {
    let mut out = vec![
        Question {
            id: changed(q.id),
            ..q
        },
        Question {
            text: changed(q.text),
            ..q
        },
        Question {
            hint: Some(q.hint.map_or("x", changed)),
            ..q
        },
        Question {
            required: !q.required,
            ..q
        },
    ];
    if q.hint.is_some() {
        out.push(Question { hint: None, ..q });
    }
    match q.kind {
        QuestionKind::YesNo { details } => {
            let details = Some(details.map_or("x", changed));
            out.push(Question {
                kind: QuestionKind::YesNo { details },
                ..q
            });
            out.push(Question {
                kind: QuestionKind::Text { max_chars: 1 },
                ..q
            });
        }
        QuestionKind::Choice { options, multiple } => {
            out.push(Question {
                kind: QuestionKind::Choice {
                    options,
                    multiple: !multiple,
                },
                ..q
            });
            for options in choices_changed(options) {
                out.push(Question {
                    kind: QuestionKind::Choice { options, multiple },
                    ..q
                });
            }
        }
        QuestionKind::Text { max_chars } => {
            let max_chars = max_chars.wrapping_add(1);
            out.push(Question {
                kind: QuestionKind::Text { max_chars },
                ..q
            });
            out.push(Question {
                kind: QuestionKind::YesNo { details: None },
                ..q
            });
        }
    }
    match q.knockout {
        None => out.push(Question {
            knockout: Some(Knockout {
                on: &["yes"],
                reason: "x",
            }),
            ..q
        }),
        Some(k) => {
            out.push(Question {
                knockout: None,
                ..q
            });
            out.push(Question {
                knockout: Some(Knockout {
                    reason: changed(k.reason),
                    ..k
                }),
                ..q
            });
            for on in texts_changed(k.on) {
                out.push(Question {
                    knockout: Some(Knockout { on, ..k }),
                    ..q
                });
            }
        }
    }
    out
}

fn sections_changed(s: InfoSection) -> Vec<InfoSection> {
    let other = if s.kind == InfoKind::Costs {
        InfoKind::Nature
    } else {
        InfoKind::Costs
    };
    let mut out = vec![
        InfoSection { kind: other, ..s },
        InfoSection {
            heading: changed(s.heading),
            ..s
        },
    ];
    out.extend(
        texts_changed(s.paragraphs)
            .into_iter()
            .map(|paragraphs| InfoSection { paragraphs, ..s }),
    );
    out
}

fn checks_changed(c: CheckItem) -> Vec<CheckItem> {
    let mut out = vec![
        CheckItem {
            id: changed(c.id),
            ..c
        },
        CheckItem {
            question: changed(c.question),
            ..c
        },
        CheckItem {
            correct: changed(c.correct),
            ..c
        },
        CheckItem {
            explanation: changed(c.explanation),
            ..c
        },
    ];
    out.extend(
        choices_changed(c.options)
            .into_iter()
            .map(|options| CheckItem { options, ..c }),
    );
    out
}

/// Copies of `form`, each differing from it in exactly one thing the patient sees or the
/// physician relies on.
pub(super) fn single_changes(form: &ConsentForm) -> Vec<ConsentForm> {
    let f = *form;
    let other_locale = if f.locale == Locale::De {
        Locale::En
    } else {
        Locale::De
    };
    let other_kind = if f.kind == ConsentType::Prp {
        ConsentType::Botox
    } else {
        ConsentType::Prp
    };
    let mut out = vec![
        ConsentForm {
            kind: other_kind,
            ..f
        },
        ConsentForm {
            locale: other_locale,
            ..f
        },
        ConsentForm {
            version: changed(f.version),
            ..f
        },
        ConsentForm {
            title: changed(f.title),
            ..f
        },
        ConsentForm {
            minutes: f.minutes.wrapping_add(1),
            ..f
        },
    ];
    out.extend(
        texts_changed(f.intro)
            .into_iter()
            .map(|intro| ConsentForm { intro, ..f }),
    );
    for (i, q) in f.questions.iter().enumerate() {
        out.push(ConsentForm {
            questions: without(f.questions, i),
            ..f
        });
        for q in questions_changed(*q) {
            out.push(ConsentForm {
                questions: with(f.questions, i, q),
                ..f
            });
        }
    }
    for (i, s) in f.information.iter().enumerate() {
        out.push(ConsentForm {
            information: without(f.information, i),
            ..f
        });
        for s in sections_changed(*s) {
            out.push(ConsentForm {
                information: with(f.information, i, s),
                ..f
            });
        }
    }
    for (i, c) in f.comprehension.iter().enumerate() {
        out.push(ConsentForm {
            comprehension: without(f.comprehension, i),
            ..f
        });
        for c in checks_changed(*c) {
            out.push(ConsentForm {
                comprehension: with(f.comprehension, i, c),
                ..f
            });
        }
    }
    out
}
