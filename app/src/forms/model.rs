//! The shape of a consent form. Everything is `'static` data so the forms cost nothing at run
//! time and can be hashed byte for byte; the `const fn` builders keep the content files short
//! enough to read as text rather than as struct literals.

use domain::ConsentType;

use crate::i18n::Locale;

/// One treatment type's patient form in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsentForm {
    pub kind: ConsentType,
    pub locale: Locale,
    /// Bumped whenever any text or question of this form changes, e.g. "botox-de-2026-12-1".
    pub version: &'static str,
    pub title: &'static str,
    /// About how long filling in takes.
    pub minutes: u8,
    /// What this is, why, and that it is encrypted on the device.
    pub intro: &'static [&'static str],
    pub questions: &'static [Question],
    pub information: &'static [InfoSection],
    pub comprehension: &'static [CheckItem],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// Stable and unique within a form; the same in every language of a type.
    pub id: &'static str,
    pub text: &'static str,
    pub hint: Option<&'static str>,
    pub kind: QuestionKind,
    pub required: bool,
    pub knockout: Option<Knockout>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    /// Yes/no; `details` is the label of a free-text follow-up shown when the answer is yes.
    YesNo {
        details: Option<&'static str>,
    },
    Choice {
        options: &'static [Choice],
        multiple: bool,
    },
    Text {
        max_chars: u16,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub id: &'static str,
    pub label: &'static str,
}

/// An answer that flags the consent for the physician (a possible contraindication). It never
/// stops the patient: the physician decides in the conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Knockout {
    /// `"yes"` for a yes/no question, else option ids.
    pub on: &'static [&'static str],
    /// For the physician, in the form's language.
    pub reason: &'static str,
}

/// The points §630e BGB asks the explanation to cover, plus costs (§630c Abs. 3 BGB).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum InfoKind {
    Nature,
    Risks,
    Alternatives,
    Aftercare,
    Costs,
}

impl InfoKind {
    pub const ALL: &'static [InfoKind] = &[
        InfoKind::Nature,
        InfoKind::Risks,
        InfoKind::Alternatives,
        InfoKind::Aftercare,
        InfoKind::Costs,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InfoSection {
    pub kind: InfoKind,
    pub heading: &'static str,
    pub paragraphs: &'static [&'static str],
}

/// A comprehension question; a wrong answer shows `explanation` and lets the patient go on
/// (the physician sees the result and talks it through).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckItem {
    pub id: &'static str,
    pub question: &'static str,
    pub options: &'static [Choice],
    /// The id of the correct option.
    pub correct: &'static str,
    /// Shown when answered wrongly.
    pub explanation: &'static str,
}

impl Choice {
    pub const fn new(id: &'static str, label: &'static str) -> Self {
        Self { id, label }
    }
}

/// The answer id a yes/no knockout refers to.
pub const YES: &str = "yes";

impl Question {
    /// A required yes/no question.
    pub const fn yes_no(id: &'static str, text: &'static str) -> Self {
        Self::new(id, text, QuestionKind::YesNo { details: None })
    }

    /// A required choice among `options`.
    pub const fn choice(
        id: &'static str,
        text: &'static str,
        options: &'static [Choice],
        multiple: bool,
    ) -> Self {
        Self::new(id, text, QuestionKind::Choice { options, multiple })
    }

    /// A required free text of at most `max_chars` characters.
    pub const fn text(id: &'static str, text: &'static str, max_chars: u16) -> Self {
        Self::new(id, text, QuestionKind::Text { max_chars })
    }

    const fn new(id: &'static str, text: &'static str, kind: QuestionKind) -> Self {
        Self {
            id,
            text,
            hint: None,
            kind,
            required: true,
            knockout: None,
        }
    }

    #[must_use]
    pub const fn hint(mut self, hint: &'static str) -> Self {
        self.hint = Some(hint);
        self
    }

    /// The label of the free-text follow-up to a yes. Only for yes/no questions: anything else
    /// fails at compile time, because forms are `static`.
    #[must_use]
    pub const fn details(mut self, label: &'static str) -> Self {
        match self.kind {
            QuestionKind::YesNo { .. } => {
                self.kind = QuestionKind::YesNo {
                    details: Some(label),
                }
            }
            _ => panic!("details only follow a yes/no question"),
        }
        self
    }

    #[must_use]
    pub const fn optional(mut self) -> Self {
        self.required = false;
        self
    }

    /// Flags a yes for the physician.
    #[must_use]
    pub const fn flag_yes(self, reason: &'static str) -> Self {
        self.flag_on(&[YES], reason)
    }

    /// Flags any of these answers (`"yes"` or option ids) for the physician.
    #[must_use]
    pub const fn flag_on(mut self, on: &'static [&'static str], reason: &'static str) -> Self {
        self.knockout = Some(Knockout { on, reason });
        self
    }
}
