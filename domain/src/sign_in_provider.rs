//! The OpenID Connect providers staff may sign in with besides their password.
//!
//! The wire name is lower case (`account.provider`, the `/auth/oidc/{provider}` paths), so it
//! is spelled here rather than by `wire_enum!`.

use crate::UnknownVariant;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SignInProvider {
    Google,
    Microsoft,
}

impl SignInProvider {
    pub const ALL: &'static [Self] = &[Self::Google, Self::Microsoft];

    /// The stored and routed name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Google => "google",
            Self::Microsoft => "microsoft",
        }
    }

    /// The brand as users know it (the same in every language).
    pub const fn label(self) -> &'static str {
        match self {
            Self::Google => "Google",
            Self::Microsoft => "Microsoft",
        }
    }
}

impl std::fmt::Display for SignInProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for SignInProvider {
    type Err = UnknownVariant;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .iter()
            .copied()
            .find(|p| p.as_str() == value)
            .ok_or_else(|| UnknownVariant {
                kind: "sign-in provider",
                value: value.to_owned(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::SignInProvider;

    #[test]
    fn wire_names_round_trip_and_nothing_else_parses() {
        for provider in SignInProvider::ALL {
            assert_eq!(provider.as_str().parse::<SignInProvider>(), Ok(*provider));
            assert_eq!(
                serde_json::to_string(provider).expect("serialises"),
                format!("\"{provider}\"")
            );
        }
        for wrong in ["", "Google", "GOOGLE", "github", "google "] {
            assert!(wrong.parse::<SignInProvider>().is_err(), "{wrong:?}");
        }
    }
}
