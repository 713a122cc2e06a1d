//! A staff email address, normalised once: trimmed and lower-cased, so the same person cannot
//! register twice with different spellings and lookups are exact.

use std::fmt;

/// Why an email address was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("the email address is empty")]
    Empty,
    #[error("the email address is longer than 254 characters")]
    TooLong,
    #[error("the email address needs exactly one @ with a name before and a domain after it")]
    Shape,
    #[error("the email address contains spaces or control characters")]
    ForbiddenCharacter,
}

/// A syntactically plausible email address in canonical form. (Whether it reaches a person is
/// what the verification link is for.)
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let value = input.trim().to_lowercase();
        if value.is_empty() {
            return Err(EmailError::Empty);
        }
        if value.chars().count() > 254 {
            return Err(EmailError::TooLong);
        }
        if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(EmailError::ForbiddenCharacter);
        }
        let (local, domain) = value.split_once('@').ok_or(EmailError::Shape)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !domain.contains('@');
        if local.is_empty() || local.chars().count() > 64 || !domain_ok {
            return Err(EmailError::Shape);
        }
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn addresses_are_trimmed_and_lower_cased() {
        assert_eq!(
            Email::parse("  Dr.Mueller@Praxis-Example.DE ")
                .expect("valid")
                .as_str(),
            "dr.mueller@praxis-example.de"
        );
    }

    #[test]
    fn near_misses_are_refused_with_a_reason() {
        assert_eq!(Email::parse(""), Err(EmailError::Empty));
        assert_eq!(Email::parse("   "), Err(EmailError::Empty));
        for shape in [
            "praxis.de",
            "@praxis.de",
            "anna@",
            "anna@praxis",
            "anna@.de",
            "anna@praxis.",
            "a@b@c.de",
            "anna@praxis..de",
        ] {
            assert_eq!(Email::parse(shape), Err(EmailError::Shape), "{shape}");
        }
        assert_eq!(
            Email::parse("an na@praxis.de"),
            Err(EmailError::ForbiddenCharacter)
        );
        assert_eq!(
            Email::parse("anna\u{0}@praxis.de"),
            Err(EmailError::ForbiddenCharacter)
        );
        assert_eq!(
            Email::parse(&format!("{}@praxis.de", "a".repeat(65))),
            Err(EmailError::Shape)
        );
        assert_eq!(
            Email::parse(&format!("a@{}.de", "b".repeat(260))),
            Err(EmailError::TooLong)
        );
    }

    proptest! {
        #[test]
        fn parsing_is_idempotent_and_never_panics(input in any::<String>()) {
            if let Ok(email) = Email::parse(&input) {
                prop_assert_eq!(Email::parse(email.as_str()), Ok(email.clone()));
                prop_assert_eq!(email.as_str().matches('@').count(), 1);
            }
        }

        #[test]
        fn plausible_addresses_are_accepted(local in "[a-z0-9._+-]{1,30}", host in "[a-z0-9-]{1,20}", tld in "[a-z]{2,6}") {
            let address = format!("{local}@{host}.{tld}");
            prop_assert_eq!(Email::parse(&address).map(|e| e.as_str().to_owned()), Ok(address));
        }
    }
}
