//! Patients (DESIGN §3, §4.3–4.4): typed in and read only in staff browsers; the server keeps
//! envelopes and a truncated lookup hash.

mod directory;
mod one;
mod record;

#[cfg(feature = "ssr")]
pub use directory::store;
pub use directory::{create_patient, find_patients, patient_list, PatientEntry, RECENT_PATIENTS};
pub use one::{open_patient_record, ConsentLine, PatientRecord};
pub use record::{
    lookup, DetailsProblem, LookupHash, NewPatient, PatientDetails, SealedPatient, MAX_FIELD_CHARS,
};
