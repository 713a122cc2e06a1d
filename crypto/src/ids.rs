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

            /// A fresh id for a record made in a browser (a patient typed in by staff, a
            /// submission), laid out as a random UUID (version 4), so the database and logs
            /// show it like any other id.
            pub fn generate() -> Self {
                let mut bytes: [u8; 16] = crate::rng::array(&mut crate::rng::os());
                bytes[6] = (bytes[6] & 0x0f) | 0x40;
                bytes[8] = (bytes[8] & 0x3f) | 0x80;
                Self(bytes)
            }

            /// The hyphenated UUID text (`8-4-4-4-12` lower-case hex).
            pub fn to_uuid_text(&self) -> String {
                let mut out = String::with_capacity(36);
                for (i, b) in self.0.iter().enumerate() {
                    if matches!(i, 4 | 6 | 8 | 10) {
                        out.push('-');
                    }
                    out.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
                    out.push(char::from_digit(u32::from(b & 0x0f), 16).unwrap_or('0'));
                }
                out
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

#[cfg(test)]
mod tests {
    use super::ObjectId;

    #[test]
    fn generated_ids_are_random_version_4_uuids() {
        let (a, b) = (ObjectId::generate(), ObjectId::generate());
        assert_ne!(a, b);
        let text = a.to_uuid_text();
        assert_eq!(text.len(), 36);
        assert_eq!(&text[14..15], "4", "{text}");
        assert!(matches!(&text[19..20], "8" | "9" | "a" | "b"), "{text}");
        assert_eq!(
            text.split('-').map(str::len).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
    }

    #[test]
    fn uuid_text_is_the_bytes_in_order() {
        let id = ObjectId::from_bytes([
            0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54,
            0x32, 0x10,
        ]);
        assert_eq!(id.to_uuid_text(), "01234567-89ab-cdef-fedc-ba9876543210");
    }
}
