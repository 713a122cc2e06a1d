//! Consents (DESIGN §5): the links staff send to patients. The status machine itself is
//! `domain::ConsentStatus::after`; the patient's form and the review follow.

mod links;

pub use links::{
    consent_link_options, create_consent_link, send_consent_link, ConsentLinkRequest,
    CreatedConsentLink, LinkOptions, MAX_FEE_CENTS, MAX_VALID_DAYS,
};
