//! Typed identifiers that get bound into keys and associated data. They are plain 16-byte values
//! (the bytes of the UUIDs the database uses: `Uuid::as_bytes()`), kept apart by type so a consent
//! id cannot be passed where a submission id belongs. Not secret: `Copy`, printable.

use core::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $name([u8; 16]);

        impl $name {
            pub const fn from_bytes(bytes: [u8; 16]) -> Self {
                Self(bytes)
            }

            pub const fn as_bytes(&self) -> &[u8; 16] {
                &self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}(", stringify!($name))?;
                self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))?;
                f.write_str(")")
            }
        }
    };
}

id_type!(
    /// A practice (tenant). Salt of every practice-scoped key derivation.
    PracticeId
);
id_type!(
    /// A staff user.
    UserId
);
id_type!(
    /// A consent (the link a patient fills in).
    ConsentId
);
id_type!(
    /// One submission of a consent, chosen by the client; the server accepts each once.
    SubmissionId
);
id_type!(
    /// Any record with its own content key: a patient, a treatment plan, a photo, a PDF.
    ObjectId
);

/// SHA-256 of the exact form text and version the patient saw; bound into the submission's AAD.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct FormHash([u8; 32]);

impl FormHash {
    pub const fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// SHA-256 of the form definition bytes.
    pub fn of(form: &[u8]) -> Self {
        Self(crate::hazmat::kdf::sha256(&[form]))
    }

    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Debug for FormHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FormHash(")?;
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))?;
        f.write_str(")")
    }
}
