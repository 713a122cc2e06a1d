//! Pure domain vocabulary of Derma Consent, shared by the browser (WASM) and the server.
//!
//! No I/O lives here. The optional `sqlx` feature only adds `sqlx::Type` derives so the server
//! can map these enums to the PostgreSQL enums of `migrations/` without a second copy of them.

mod audit;
mod consent;
mod email;
mod network;
mod permission;
mod practice_name;
mod role;
mod sign_in_provider;
mod subscription;

pub use audit::AuditAction;
pub use consent::{ConsentEvent, ConsentStatus, ConsentType, Fee, TransitionRefused};
pub use email::{Email, EmailError};
pub use network::truncated_ip;
pub use permission::Capability;
pub use practice_name::{PracticeName, PracticeNameError};
pub use role::UserRole;
pub use sign_in_provider::SignInProvider;
pub use subscription::{SubscriptionPlan, SubscriptionStatus};

/// A string did not name a known value of a domain enum.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind}: {value:?}")]
pub struct UnknownVariant {
    pub kind: &'static str,
    pub value: String,
}

/// Declares a domain enum whose wire form (serde, PostgreSQL, URLs) is its SCREAMING_SNAKE_CASE
/// name, with `ALL`, `as_str` and `FromStr`, so every layer spells the values the same way.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident as $pg:literal { $($variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
        #[cfg_attr(feature = "sqlx", derive(sqlx::Type))]
        #[cfg_attr(feature = "sqlx", sqlx(type_name = $pg, rename_all = "SCREAMING_SNAKE_CASE"))]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The wire name, identical to the PostgreSQL enum label.
            pub const fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $wire),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::UnknownVariant;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($wire => Ok(Self::$variant),)+
                    other => Err($crate::UnknownVariant { kind: stringify!($name), value: other.to_owned() }),
                }
            }
        }
    };
}
pub(crate) use wire_enum;

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T>(all: &[T])
    where
        T: Copy
            + std::fmt::Display
            + std::str::FromStr
            + PartialEq
            + std::fmt::Debug
            + serde::Serialize,
        <T as std::str::FromStr>::Err: std::fmt::Debug,
    {
        for v in all {
            let wire = v.to_string();
            assert_eq!(wire.parse::<T>().expect("own wire name parses"), *v);
            assert_eq!(
                serde_json::to_string(v).expect("serialises"),
                format!("\"{wire}\"")
            );
            assert!(
                wire.chars().all(|c| c.is_ascii_uppercase() || c == '_'),
                "{wire}"
            );
        }
    }

    #[test]
    fn every_enum_round_trips_through_its_wire_name() {
        round_trips(UserRole::ALL);
        round_trips(ConsentType::ALL);
        round_trips(ConsentStatus::ALL);
        round_trips(SubscriptionPlan::ALL);
        round_trips(SubscriptionStatus::ALL);
    }

    #[test]
    fn unknown_and_near_miss_names_are_refused() {
        for bad in [
            "",
            "admin",
            "ADMIN ",
            "ADMINS",
            "ARZT\n",
            "SUPERADMIN",
            "PLATFORM_ADMIN",
        ] {
            assert!(bad.parse::<UserRole>().is_err(), "{bad:?}");
        }
        assert!("botox".parse::<ConsentType>().is_err());
        assert_eq!(
            "DONE".parse::<ConsentStatus>(),
            Err(UnknownVariant {
                kind: "ConsentStatus",
                value: "DONE".into()
            })
        );
    }
}
