//! Who may do what inside a practice (DESIGN §6), decided in this one place. The server checks
//! every server function against it; the UI only uses it to hide what would be refused anyway.

use crate::UserRole;

/// Something a staff member can be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Capability {
    /// Create consent links and see status lists.
    ManageConsentLinks,
    /// Create patients (encrypted in the browser) and list them.
    ManagePatients,
    /// Receive decrypted-in-the-browser medical content: consent answers, photos, plans.
    OpenMedicalRecords,
    /// Countersign and complete a consent.
    Countersign,
    /// Team, invites and roles.
    ManageTeam,
    /// Subscription and payments.
    ManageBilling,
    /// Practice details and consent settings.
    ManagePracticeSettings,
    /// Read the whole audit log of the practice.
    ReadAuditLog,
    /// Read the audit entries of one's own actions.
    ReadOwnAuditLog,
    /// Pair a tablet as a kiosk.
    PairKiosk,
    /// One's own account: profile and two-factor sign-in.
    ManageOwnAccount,
}

impl Capability {
    pub const ALL: &'static [Capability] = &[
        Capability::ManageConsentLinks,
        Capability::ManagePatients,
        Capability::OpenMedicalRecords,
        Capability::Countersign,
        Capability::ManageTeam,
        Capability::ManageBilling,
        Capability::ManagePracticeSettings,
        Capability::ReadAuditLog,
        Capability::ReadOwnAuditLog,
        Capability::PairKiosk,
        Capability::ManageOwnAccount,
    ];
}

impl UserRole {
    /// Whether this role has the capability. Exhaustive on purpose: a new capability or role
    /// does not compile until someone decides who gets it.
    pub const fn can(self, capability: Capability) -> bool {
        use Capability as C;
        match (self, capability) {
            (UserRole::Admin, _)
            | (UserRole::Arzt | UserRole::Empfang, C::ManageOwnAccount)
            | (
                UserRole::Arzt,
                C::ManageConsentLinks
                | C::ManagePatients
                | C::OpenMedicalRecords
                | C::Countersign
                | C::ReadOwnAuditLog
                | C::PairKiosk,
            )
            | (UserRole::Empfang, C::ManageConsentLinks | C::ManagePatients | C::PairKiosk) => true,
            (
                UserRole::Arzt,
                C::ManageTeam | C::ManageBilling | C::ManagePracticeSettings | C::ReadAuditLog,
            )
            | (
                UserRole::Empfang,
                C::OpenMedicalRecords
                | C::Countersign
                | C::ManageTeam
                | C::ManageBilling
                | C::ManagePracticeSettings
                | C::ReadAuditLog
                | C::ReadOwnAuditLog,
            ) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Capability as C;
    use crate::UserRole::{self, Admin, Arzt, Empfang};

    /// DESIGN §6, row by row: (capability, ADMIN, ARZT, EMPFANG).
    const MATRIX: &[(C, bool, bool, bool)] = &[
        (C::ManageConsentLinks, true, true, true),
        (C::ManagePatients, true, true, true),
        (C::OpenMedicalRecords, true, true, false),
        (C::Countersign, true, true, false),
        (C::ManageTeam, true, false, false),
        (C::ManageBilling, true, false, false),
        (C::ManagePracticeSettings, true, false, false),
        (C::ReadAuditLog, true, false, false),
        (C::ReadOwnAuditLog, true, true, false),
        (C::PairKiosk, true, true, true),
        (C::ManageOwnAccount, true, true, true),
    ];

    #[test]
    fn the_matrix_of_design_section_6_holds_exactly() {
        assert_eq!(
            MATRIX.len(),
            C::ALL.len(),
            "every capability is in the table"
        );
        for &(capability, admin, arzt, empfang) in MATRIX {
            assert_eq!(Admin.can(capability), admin, "ADMIN {capability:?}");
            assert_eq!(Arzt.can(capability), arzt, "ARZT {capability:?}");
            assert_eq!(Empfang.can(capability), empfang, "EMPFANG {capability:?}");
        }
    }

    #[test]
    fn reception_never_reaches_medical_content() {
        for capability in [C::OpenMedicalRecords, C::Countersign] {
            assert!(!UserRole::Empfang.can(capability));
        }
    }
}
