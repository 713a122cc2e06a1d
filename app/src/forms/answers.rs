//! The patient's answers and what they mean: whether they fit the form, which ones the
//! physician must look at, and whether the comprehension check was passed. The browser checks
//! before sealing and staff see the same result after opening, because both call this code.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::model::{CheckItem, ConsentForm, Question, QuestionKind, YES};

/// Longest follow-up text to a yes, in characters.
pub const DETAILS_MAX_CHARS: u16 = 500;

/// Answers by question id. Ids are the same in every language of a type, so answers and
/// knockouts do not depend on the language the form was filled in.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct QuestionnaireAnswers(pub BTreeMap<String, AnswerValue>);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerValue {
    Yes {
        details: String,
    },
    No,
    /// Option ids.
    Choices(Vec<String>),
    Text(String),
}

/// Why answers do not fit the form, named by question id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerProblem {
    /// A required question without an answer (an empty choice or blank text counts as none).
    Missing(&'static str),
    /// An answer to a question the form does not have.
    Unknown(String),
    /// A choice id the question does not offer, an answer of the wrong kind (text for a
    /// yes/no question), or details to a yes where the question asks for none.
    NotOffered(&'static str),
    /// Text or details longer than allowed.
    TooLong(&'static str),
    /// Several choices for a single-choice question, or the same choice twice.
    TooMany(&'static str),
}

impl ConsentForm {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// Missing required answers, answers to unknown question ids, a choice id not offered,
    /// several choices for a single-choice question, text longer than allowed: each named by
    /// question id, in form order, then unknown ids.
    pub fn check_answers(&self, answers: &QuestionnaireAnswers) -> Result<(), Vec<AnswerProblem>> {
        let mut problems: Vec<AnswerProblem> = self
            .questions
            .iter()
            .filter_map(|q| problem(q, answers.0.get(q.id)))
            .collect();
        problems.extend(
            answers
                .0
                .keys()
                .filter(|id| self.question(id).is_none())
                .map(|id| AnswerProblem::Unknown(id.clone())),
        );
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// The knockout questions these answers trigger (question id and reason), in form order.
    pub fn knockouts(&self, answers: &QuestionnaireAnswers) -> Vec<(&'static str, &'static str)> {
        self.questions
            .iter()
            .filter_map(|q| {
                let knockout = q.knockout?;
                let hit = match answers.0.get(q.id)? {
                    AnswerValue::Yes { .. } => knockout.on.contains(&YES),
                    AnswerValue::Choices(ids) => {
                        ids.iter().any(|id| knockout.on.contains(&id.as_str()))
                    }
                    AnswerValue::No | AnswerValue::Text(_) => false,
                };
                hit.then_some((q.id, knockout.reason))
            })
            .collect()
    }

    /// Whether every comprehension item was answered correctly (ids -> chosen option id).
    pub fn comprehension_passed(&self, given: &BTreeMap<String, String>) -> bool {
        self.comprehension_mistakes(given).is_empty()
    }

    /// The items answered wrongly or not at all, in form order, to show their explanations.
    pub fn comprehension_mistakes(&self, given: &BTreeMap<String, String>) -> Vec<&CheckItem> {
        self.comprehension
            .iter()
            .filter(|c| given.get(c.id).map(String::as_str) != Some(c.correct))
            .collect()
    }
}

fn problem(q: &Question, answer: Option<&AnswerValue>) -> Option<AnswerProblem> {
    let id = q.id;
    let Some(answer) = answer else {
        return q.required.then_some(AnswerProblem::Missing(id));
    };
    match (q.kind, answer) {
        (QuestionKind::YesNo { .. }, AnswerValue::No) => None,
        (QuestionKind::YesNo { details }, AnswerValue::Yes { details: given }) => {
            if details.is_none() && !given.trim().is_empty() {
                Some(AnswerProblem::NotOffered(id))
            } else if too_long(given, DETAILS_MAX_CHARS) {
                Some(AnswerProblem::TooLong(id))
            } else {
                None
            }
        }
        (QuestionKind::Choice { options, multiple }, AnswerValue::Choices(chosen)) => {
            let distinct: BTreeSet<&str> = chosen.iter().map(String::as_str).collect();
            if chosen.iter().any(|c| !options.iter().any(|o| o.id == c)) {
                Some(AnswerProblem::NotOffered(id))
            } else if distinct.len() < chosen.len() || (!multiple && chosen.len() > 1) {
                Some(AnswerProblem::TooMany(id))
            } else if chosen.is_empty() && q.required {
                Some(AnswerProblem::Missing(id))
            } else {
                None
            }
        }
        (QuestionKind::Text { max_chars }, AnswerValue::Text(text)) => {
            if too_long(text, max_chars) {
                Some(AnswerProblem::TooLong(id))
            } else if text.trim().is_empty() && q.required {
                Some(AnswerProblem::Missing(id))
            } else {
                None
            }
        }
        _ => Some(AnswerProblem::NotOffered(id)),
    }
}

fn too_long(text: &str, max_chars: u16) -> bool {
    text.chars().count() > usize::from(max_chars)
}
