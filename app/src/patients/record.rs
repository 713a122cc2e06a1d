//! A patient's details as staff type them, and their sealed form (DESIGN §4.3): each field is
//! encrypted in the staff browser under the patient's own content key, bound to the patient id
//! and the field name; the content key is wrapped by the practice master key. The lookup hash
//! (DESIGN §4.4) lets a browser find candidates for a name and birth date without the server
//! learning either. The same code seals the demo patients of `make seed`.

use crypto::{
    canonical_name, BirthDate, BlindIndexError, BlindIndexKey, ContentKey, CryptoError,
    KeyWrapEnvelope, ObjectContext, ObjectEnvelope, ObjectId, PracticeMasterKey,
};
use serde::{Deserialize, Serialize};

/// Field names bound into each ciphertext's associated data.
const FIRST_NAME: &str = "patient.first_name";
const LAST_NAME: &str = "patient.last_name";
const DATE_OF_BIRTH: &str = "patient.date_of_birth";
const EMAIL: &str = "patient.email";

/// The longest name or email we accept.
pub const MAX_FIELD_CHARS: usize = 200;

/// What staff type in, readable only in their browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatientDetails {
    pub first_name: String,
    pub last_name: String,
    pub birth_date: BirthDate,
    pub email: Option<String>,
}

/// A patient as the server stores and returns them: envelopes, never plaintext.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedPatient {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub date_of_birth: String,
    pub email: Option<String>,
    pub wrapped_content_key: String,
}

/// The truncated blind index of a name and birth date, with the scheme that made it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookupHash {
    pub value: u32,
    pub scheme: u8,
}

impl LookupHash {
    /// The stored form: the value as four big-endian bytes.
    pub fn to_bytes(self) -> [u8; 4] {
        self.value.to_be_bytes()
    }

    /// Whether this could have come from our blind index at all (the server checks it).
    pub fn is_plausible(self) -> bool {
        self.scheme == crypto::BLIND_INDEX_SCHEME && self.value < (1u32 << crypto::BLIND_INDEX_BITS)
    }
}

/// A new patient: sealed details and the lookup hash to store beside them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPatient {
    pub patient: SealedPatient,
    pub lookup: LookupHash,
}

/// Why typed-in details cannot be saved (the form says which field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailsProblem {
    FirstName,
    LastName,
    BirthDate,
    Email,
}

impl PatientDetails {
    /// Checks what staff typed. `today` is `YYYY-MM-DD` of the browser's calendar: a birth date
    /// after it, or more than 130 years before it, is a typing mistake.
    pub fn from_form(
        first_name: &str,
        last_name: &str,
        birth_date: &str,
        email: &str,
        today: &str,
    ) -> Result<Self, DetailsProblem> {
        Self::checked(
            first_name,
            last_name,
            birth_date,
            email,
            Some(today),
            |name| canonical_name(name).is_ok(),
        )
    }

    /// The details a patient submitted, as staff take them over into a record: the names must
    /// have a canonical form (for the lookup hash), the birth date must be a date; its
    /// plausibility was checked against the patient's calendar when they typed it.
    pub fn from_submitted(
        first_name: &str,
        last_name: &str,
        birth_date: &str,
        email: &str,
    ) -> Result<Self, DetailsProblem> {
        Self::checked(first_name, last_name, birth_date, email, None, |name| {
            canonical_name(name).is_ok()
        })
    }

    /// The same checks for what a patient typed on the consent page, where a name needs only a
    /// letter. The canonical form (Unicode normalisation and case folding tables, a large part
    /// of a WASM bundle) is computed by staff when they look the patient up; the rare name whose
    /// letters all fold away is refused there, with the details still readable.
    pub fn from_patient_form(
        first_name: &str,
        last_name: &str,
        birth_date: &str,
        email: &str,
        today: &str,
    ) -> Result<Self, DetailsProblem> {
        Self::checked(
            first_name,
            last_name,
            birth_date,
            email,
            Some(today),
            |name| name.chars().any(char::is_alphabetic),
        )
    }

    fn checked(
        first_name: &str,
        last_name: &str,
        birth_date: &str,
        email: &str,
        today: Option<&str>,
        name_ok: fn(&str) -> bool,
    ) -> Result<Self, DetailsProblem> {
        let name = |value: &str, problem| {
            let value = value.trim();
            if value.chars().count() > MAX_FIELD_CHARS || !name_ok(value) {
                return Err(problem);
            }
            Ok(value.to_owned())
        };
        let first_name = name(first_name, DetailsProblem::FirstName)?;
        let last_name = name(last_name, DetailsProblem::LastName)?;
        let birth =
            BirthDate::parse_iso(birth_date.trim()).map_err(|_| DetailsProblem::BirthDate)?;
        if let Some(today) = today {
            let iso = birth.iso();
            let oldest = match (today.get(..4).map(str::parse::<u16>), today.get(4..)) {
                (Some(Ok(year)), Some(rest)) => {
                    Some(format!("{:04}{rest}", year.saturating_sub(130)))
                }
                _ => None,
            };
            if iso.as_str() > today || oldest.is_some_and(|oldest| iso < oldest) {
                return Err(DetailsProblem::BirthDate);
            }
        }
        let email = email.trim();
        let email = if email.is_empty() {
            None
        } else {
            let parsed = domain::Email::parse(email).map_err(|_| DetailsProblem::Email)?;
            Some(parsed.as_str().to_owned())
        };
        Ok(Self {
            first_name,
            last_name,
            birth_date: birth,
            email,
        })
    }

    /// The lookup hash over last name, first name and birth date.
    pub fn lookup(&self, key: &BlindIndexKey) -> Result<LookupHash, BlindIndexError> {
        lookup(key, &self.last_name, &self.first_name, self.birth_date)
    }

    /// Seals every field under a fresh content key for the patient `id`.
    pub fn seal(
        &self,
        id: ObjectId,
        master: &PracticeMasterKey,
        index: &BlindIndexKey,
    ) -> Result<NewPatient, BlindIndexError> {
        let lookup = self.lookup(index)?;
        let key = ContentKey::generate(1);
        let practice_id = master.practice_id();
        let seal = |field: &str, value: &str| {
            key.encrypt(
                value.as_bytes(),
                &ObjectContext {
                    practice_id,
                    object_id: id,
                    field,
                },
            )
            .to_text()
        };
        Ok(NewPatient {
            patient: SealedPatient {
                id: id.to_uuid_text(),
                first_name: seal(FIRST_NAME, &self.first_name),
                last_name: seal(LAST_NAME, &self.last_name),
                date_of_birth: seal(DATE_OF_BIRTH, &self.birth_date.iso()),
                email: self.email.as_deref().map(|email| seal(EMAIL, email)),
                wrapped_content_key: master.wrap_content_key(&key, id).to_text(),
            },
            lookup,
        })
    }

    /// Opens a sealed patient with whichever of the practice's master keys (current first,
    /// then those a rotation replaced) their content key was wrapped under.
    pub fn open(
        sealed: &SealedPatient,
        masters: &[&PracticeMasterKey],
    ) -> Result<Self, CryptoError> {
        let id =
            ObjectId::from_bytes(crate::vault::uuid_bytes(&sealed.id).ok_or(CryptoError::Decrypt)?);
        let wrapped = KeyWrapEnvelope::from_text(&sealed.wrapped_content_key)?;
        let master = masters
            .iter()
            .find(|m| m.version() == wrapped.master_version())
            .ok_or(CryptoError::Decrypt)?;
        let key = master.unwrap_content_key(&wrapped, id)?;
        let practice_id = master.practice_id();
        let open = |field: &str, text: &str| -> Result<String, CryptoError> {
            let plain = key.decrypt(
                &ObjectEnvelope::from_text(text)?,
                &ObjectContext {
                    practice_id,
                    object_id: id,
                    field,
                },
            )?;
            String::from_utf8(plain.to_vec()).map_err(|_| CryptoError::Decrypt)
        };
        let birth = open(DATE_OF_BIRTH, &sealed.date_of_birth)?;
        Ok(Self {
            first_name: open(FIRST_NAME, &sealed.first_name)?,
            last_name: open(LAST_NAME, &sealed.last_name)?,
            birth_date: BirthDate::parse_iso(&birth).map_err(|_| CryptoError::Decrypt)?,
            email: sealed
                .email
                .as_deref()
                .map(|text| open(EMAIL, text))
                .transpose()?,
        })
    }

    /// Whether these details name the same person as the given name and birth date, as the
    /// blind index compares them (case, umlauts and accents do not matter).
    pub fn is_named(&self, last: &str, first: &str, birth: BirthDate) -> bool {
        let same = |a: &str, b: &str| match (canonical_name(a), canonical_name(b)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        self.birth_date == birth && same(&self.last_name, last) && same(&self.first_name, first)
    }

    /// "Last, First" as lists show it.
    pub fn display_name(&self) -> String {
        format!("{}, {}", self.last_name, self.first_name)
    }
}

/// The lookup hash of a name and birth date, as a search types them.
pub fn lookup(
    key: &BlindIndexKey,
    last: &str,
    first: &str,
    birth: BirthDate,
) -> Result<LookupHash, BlindIndexError> {
    let index = key.name_dob_index(last, first, birth)?;
    Ok(LookupHash {
        value: index.value(),
        scheme: index.scheme(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crypto::PracticeId;

    fn keys() -> (PracticeMasterKey, BlindIndexKey) {
        let practice = PracticeId::from_bytes([7; 16]);
        (
            PracticeMasterKey::generate(practice, 1),
            BlindIndexKey::generate(practice, 1),
        )
    }

    fn details() -> PatientDetails {
        PatientDetails::from_form(
            " Jürgen ",
            "Müller-Lüdenscheidt",
            "1984-02-29",
            "J.Mueller@Example.org",
            "2026-12-04",
        )
        .expect("valid")
    }

    #[test]
    fn sealed_fields_open_again_and_carry_no_plaintext() {
        let (master, index) = keys();
        let new = details()
            .seal(ObjectId::generate(), &master, &index)
            .expect("seal");
        let text = serde_json::to_string(&new).expect("json");
        for plain in ["Jürgen", "Müller", "1984", "example.org", "mueller"] {
            assert!(
                !text.to_lowercase().contains(&plain.to_lowercase()),
                "{plain} in {text}"
            );
        }
        let opened = PatientDetails::open(&new.patient, &[&master]).expect("open");
        assert_eq!(opened, details());
        assert_eq!(opened.first_name, "Jürgen", "trimmed");
        assert!(new.lookup.is_plausible());
    }

    #[test]
    fn a_field_moved_to_another_patient_or_column_does_not_open() {
        let (master, index) = keys();
        let one = details()
            .seal(ObjectId::generate(), &master, &index)
            .expect("seal");
        let other = details()
            .seal(ObjectId::generate(), &master, &index)
            .expect("seal");
        let mut swapped = one.patient.clone();
        swapped.last_name = other.patient.last_name.clone();
        assert!(PatientDetails::open(&swapped, &[&master]).is_err());
        let mut columns = one.patient.clone();
        columns.first_name = one.patient.last_name.clone();
        assert!(PatientDetails::open(&columns, &[&master]).is_err());
        let mut moved = one.patient.clone();
        moved.id = other.patient.id.clone();
        assert!(PatientDetails::open(&moved, &[&master]).is_err());
    }

    #[test]
    fn a_patient_from_before_a_rotation_opens_with_the_older_master_key() {
        let (v1, index) = keys();
        let new = details()
            .seal(ObjectId::generate(), &v1, &index)
            .expect("seal");
        let v2 = PracticeMasterKey::generate(v1.practice_id(), 2);
        assert!(PatientDetails::open(&new.patient, &[&v2]).is_err());
        let opened = PatientDetails::open(&new.patient, &[&v2, &v1]).expect("open");
        assert_eq!(opened, details());
    }

    #[test]
    fn another_practice_cannot_open_it() {
        let (master, index) = keys();
        let new = details()
            .seal(ObjectId::generate(), &master, &index)
            .expect("seal");
        let stranger = PracticeMasterKey::generate(PracticeId::from_bytes([8; 16]), 1);
        assert!(PatientDetails::open(&new.patient, &[&stranger]).is_err());
    }

    #[test]
    fn the_same_person_typed_differently_gives_the_same_lookup_hash() {
        let (_, index) = keys();
        let birth = BirthDate::parse_iso("1984-02-29").expect("date");
        let typed = lookup(&index, "MUELLER-LUEDENSCHEIDT", "jurgen", birth).expect("hash");
        // Umlauts fold to ae/oe/ue, so "Jürgen" is "Juergen", not "Jurgen".
        assert_ne!(typed, details().lookup(&index).expect("hash"));
        let typed = lookup(&index, "MUELLER-LUEDENSCHEIDT", "juergen", birth).expect("hash");
        assert_eq!(typed, details().lookup(&index).expect("hash"));
        assert!(details().is_named("mueller luedenscheidt", "JUERGEN", birth));
        assert!(!details().is_named("Müller", "Jürgen", birth));
    }

    type FromForm = fn(&str, &str, &str, &str, &str) -> Result<PatientDetails, DetailsProblem>;

    #[test]
    fn typing_mistakes_are_named_by_field_for_staff_and_patients() {
        let makers: [FromForm; 2] = [PatientDetails::from_form, PatientDetails::from_patient_form];
        for make in makers {
            let form = |first, last, birth, email| make(first, last, birth, email, "2026-12-04");
            let mistakes = [
                (["", "Roth", "1990-01-01", ""], DetailsProblem::FirstName),
                (["Anna", "123", "1990-01-01", ""], DetailsProblem::LastName),
                (
                    ["Anna", "Roth", "1990-02-30", ""],
                    DetailsProblem::BirthDate,
                ),
                (
                    ["Anna", "Roth", "2027-01-01", ""],
                    DetailsProblem::BirthDate,
                ),
                (
                    ["Anna", "Roth", "1890-01-01", ""],
                    DetailsProblem::BirthDate,
                ),
                (
                    ["Anna", "Roth", "01.02.1990", ""],
                    DetailsProblem::BirthDate,
                ),
                (
                    ["Anna", "Roth", "1990-01-01", "anna@"],
                    DetailsProblem::Email,
                ),
            ];
            for ([first, last, birth, email], problem) in mistakes {
                assert_eq!(
                    form(first, last, birth, email),
                    Err(problem),
                    "{first} {last} {birth} {email}"
                );
            }
            let long = "A".repeat(MAX_FIELD_CHARS + 1);
            assert_eq!(
                form(&long, "Roth", "1990-01-01", ""),
                Err(DetailsProblem::FirstName)
            );
            let ok = form("Anna", "Roth", "2026-12-04", "").expect("born today");
            assert_eq!(ok.email, None);
            assert!(form("Zoë-Marie", "O'Brien", "1990-01-01", "").is_ok());
        }
    }

    #[test]
    fn submitted_details_are_taken_over_with_any_past_birth_date() {
        let taken = PatientDetails::from_submitted("Anna", "Roth", "1985-04-03", "");
        assert_eq!(
            taken.map(|d| d.birth_date.iso()),
            Ok("1985-04-03".to_owned())
        );
        assert_eq!(
            PatientDetails::from_submitted("- .", "Roth", "1985-04-03", ""),
            Err(DetailsProblem::FirstName)
        );
        assert_eq!(
            PatientDetails::from_submitted("Anna", "Roth", "03.04.1985", ""),
            Err(DetailsProblem::BirthDate)
        );
    }

    #[test]
    fn a_name_of_symbols_only_is_refused_by_both_and_a_compatibility_letter_only_by_the_patient_check(
    ) {
        let patient =
            |name| PatientDetails::from_patient_form(name, "Roth", "1990-01-01", "", "2026-12-04");
        let staff = |name| PatientDetails::from_form(name, "Roth", "1990-01-01", "", "2026-12-04");
        assert_eq!(patient("- ."), Err(DetailsProblem::FirstName));
        assert_eq!(staff("- ."), Err(DetailsProblem::FirstName));
        // U+338F SQUARE KG is a symbol whose compatibility form is the letters "kg".
        assert!(staff("\u{338F}").is_ok());
        assert_eq!(patient("\u{338F}"), Err(DetailsProblem::FirstName));
    }
}
