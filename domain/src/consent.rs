//! Consent vocabulary (DESIGN §5) and the status machine (`lifecycle`).

mod lifecycle;

pub use lifecycle::{ConsentEvent, Fee, TransitionRefused};

crate::wire_enum! {
    /// The treatment a consent form is about.
    ConsentType as "consent_type" {
        Botox = "BOTOX",
        Filler = "FILLER",
        Laser = "LASER",
        ChemicalPeel = "CHEMICAL_PEEL",
        Microneedling = "MICRONEEDLING",
        Prp = "PRP",
    }
}

crate::wire_enum! {
    /// Where a consent form is in its lifecycle.
    ConsentStatus as "consent_status" {
        Pending = "PENDING",
        Filled = "FILLED",
        Signed = "SIGNED",
        Paid = "PAID",
        Completed = "COMPLETED",
        Expired = "EXPIRED",
        Revoked = "REVOKED",
    }
}
