//! The form hash: SHA-256 over a canonical byte encoding of everything the patient is shown.
//!
//! Hand-written rather than serde, so the bytes depend only on this file: not on a serialiser's
//! version, field order or float formatting, and identical on wasm32 and native. Every string
//! and list is prefixed with its length (u32, big-endian), so no two different forms can encode
//! to the same bytes (moving text between neighbouring fields changes the encoding). The layout
//! is documented in docs/consent-forms.md; changing it changes every hash, so it carries its
//! own version in the first field.

use super::model::{
    CheckItem, Choice, ConsentForm, InfoKind, InfoSection, Knockout, Question, QuestionKind,
};

/// First field of the encoding; bump it (and say so in the docs) if the layout ever changes.
const ENCODING: &str = "derma-consent/consent-form/1";

impl ConsentForm {
    /// SHA-256 of the exact form shown (every text, id, option, version and the locale).
    pub fn hash(&self) -> crypto::FormHash {
        crypto::FormHash::of(&self.canonical_bytes())
    }

    /// The bytes [`ConsentForm::hash`] hashes.
    pub fn canonical_bytes(&self) -> Vec<u8> {
        let mut out = Encoder(Vec::with_capacity(32 * 1024));
        out.str(ENCODING);
        out.str(self.kind.as_str());
        out.str(self.locale.tag());
        out.str(self.version);
        out.str(self.title);
        out.0.push(self.minutes);
        out.list(self.intro, |o, p| o.str(p));
        out.list(self.questions, Encoder::question);
        out.list(self.information, Encoder::section);
        out.list(self.comprehension, Encoder::check);
        out.0
    }
}

struct Encoder(Vec<u8>);

impl Encoder {
    fn len(&mut self, n: usize) {
        let n = u32::try_from(n).expect("form texts and lists are far below 4 GiB");
        self.0.extend_from_slice(&n.to_be_bytes());
    }

    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    fn flag(&mut self, b: bool) {
        self.0.push(u8::from(b));
    }

    fn opt_str(&mut self, s: Option<&str>) {
        self.flag(s.is_some());
        if let Some(s) = s {
            self.str(s);
        }
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.len(items.len());
        for item in items {
            each(self, item);
        }
    }

    fn choice(&mut self, c: &Choice) {
        self.str(c.id);
        self.str(c.label);
    }

    fn question(&mut self, q: &Question) {
        self.str(q.id);
        self.str(q.text);
        self.opt_str(q.hint);
        match q.kind {
            QuestionKind::YesNo { details } => {
                self.0.push(0);
                self.opt_str(details);
            }
            QuestionKind::Choice { options, multiple } => {
                self.0.push(1);
                self.flag(multiple);
                self.list(options, Self::choice);
            }
            QuestionKind::Text { max_chars } => {
                self.0.push(2);
                self.0.extend_from_slice(&max_chars.to_be_bytes());
            }
        }
        self.flag(q.required);
        self.flag(q.knockout.is_some());
        if let Some(Knockout { on, reason }) = q.knockout {
            self.list(on, |o, id| o.str(id));
            self.str(reason);
        }
    }

    fn section(&mut self, s: &InfoSection) {
        // Explicit tags: reordering the enum must not change any hash.
        self.0.push(match s.kind {
            InfoKind::Nature => 0,
            InfoKind::Risks => 1,
            InfoKind::Alternatives => 2,
            InfoKind::Aftercare => 3,
            InfoKind::Costs => 4,
        });
        self.str(s.heading);
        self.list(s.paragraphs, |o, p| o.str(p));
    }

    fn check(&mut self, c: &CheckItem) {
        self.str(c.id);
        self.str(c.question);
        self.list(c.options, Self::choice);
        self.str(c.correct);
        self.str(c.explanation);
    }
}
