//! Consents (DESIGN §5): the links staff send, the patient's side of a link, and withdrawal.
//! The status machine itself is `domain::ConsentStatus::after`.

mod links;
mod patient;
mod review;
mod revoke;
mod submission;

pub use links::{
    consent_link_options, create_consent_link, send_consent_link, ConsentLinkRequest,
    CreatedConsentLink, LinkOptions, MAX_FEE_CENTS, MAX_VALID_DAYS,
};
pub use patient::{
    hex, hex32, open_consent_link, save_consent_answers, submit_consent, withdraw_consent,
    withdrawal_details, withdrawal_link, LinkState, OpenConsent, SealedSubmission, WithdrawalState,
};
pub use review::{
    consents_overview, countersign_consent, link_consent_to_patient, open_submitted_consent,
    ConsentCounts, ConsentListItem, ConsentOverview, ConsentView, SubmittedConsent, OVERVIEW_LIMIT,
};
pub use revoke::revoke_consent;
pub use submission::{ConsentAnswers, PersonalDetails, Signature};
