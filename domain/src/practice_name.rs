//! The name of a practice, as patients see it on their consent pages.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PracticeNameError {
    #[error("the practice name is empty")]
    Empty,
    #[error("the practice name is longer than 200 characters")]
    TooLong,
    #[error("the practice name contains control characters")]
    ControlCharacter,
}

/// A practice name: trimmed, inner runs of whitespace collapsed, 1–200 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct PracticeName(String);

impl PracticeName {
    pub fn parse(input: &str) -> Result<Self, PracticeNameError> {
        if input.chars().any(|c| c.is_control() && !c.is_whitespace()) {
            return Err(PracticeNameError::ControlCharacter);
        }
        let value = input.split_whitespace().collect::<Vec<_>>().join(" ");
        match value.chars().count() {
            0 => Err(PracticeNameError::Empty),
            n if n > 200 => Err(PracticeNameError::TooLong),
            _ => Ok(Self(value)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PracticeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_are_tidied() {
        assert_eq!(
            PracticeName::parse("  Hautarztpraxis \t Dr. Öztürk  ")
                .expect("valid")
                .as_str(),
            "Hautarztpraxis Dr. Öztürk"
        );
    }

    #[test]
    fn near_misses_are_refused() {
        assert_eq!(PracticeName::parse(" \n\t "), Err(PracticeNameError::Empty));
        assert_eq!(
            PracticeName::parse("Praxis\u{7}"),
            Err(PracticeNameError::ControlCharacter)
        );
        assert_eq!(
            PracticeName::parse(&"x".repeat(201)),
            Err(PracticeNameError::TooLong)
        );
        assert!(PracticeName::parse(&"x".repeat(200)).is_ok());
    }

    proptest! {
        #[test]
        fn parsing_is_idempotent_and_never_panics(input in any::<String>()) {
            if let Ok(name) = PracticeName::parse(&input) {
                prop_assert_eq!(PracticeName::parse(name.as_str()), Ok(name.clone()));
                prop_assert!(!name.as_str().starts_with(' ') && !name.as_str().ends_with(' '));
            }
        }
    }
}
