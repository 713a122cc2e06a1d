//! What the audit log records (DESIGN §9). The wire name is stored in `audit_log.action`;
//! entries carry ids and non-identifying metadata only, never personal data.

/// A security-relevant action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuditAction {
    PracticeRegistered,
    PracticeSettingsChanged,
    LoginSucceeded,
    LoginFailed,
    AccountLockedOut,
    LoggedOut,
    LoggedOutEverywhere,
    PasswordResetRequested,
    PasswordReset,
    EmailVerified,
    /// A member connected a Google or Microsoft account for signing in (metadata: provider).
    SignInAccountLinked,
    SignInAccountUnlinked,
    TwoFactorEnabled,
    TwoFactorDisabled,
    /// A one-time 2FA recovery code was spent (signing in or switching 2FA off).
    TwoFactorRecoveryCodeUsed,
    TwoFactorRecoveryCodesRenewed,
    /// An ADMIN switched the practice-wide 2FA requirement on or off.
    TwoFactorRequirementChanged,
    VaultCreated,
    VaultUnlocked,
    VaultLocked,
    RecoveryCodeUsed,
    InviteSent,
    InviteAccepted,
    InviteRevoked,
    RoleChanged,
    MemberRemoved,
    KeyShared,
    KeyRotated,
    PatientCreated,
    PatientViewed,
    /// Sealed names of several patients were handed to a browser (the list or a search);
    /// metadata: how many and by which way, never who.
    PatientsListed,
    ConsentCreated,
    ConsentLinkSent,
    ConsentViewed,
    ConsentPatientLinked,
    ConsentSigned,
    ConsentCountersigned,
    ConsentRevoked,
    ConsentExpired,
    ExportCreated,
}

impl AuditAction {
    /// The stored name: lower-case, dotted by area.
    pub const fn as_str(self) -> &'static str {
        match self {
            AuditAction::PracticeRegistered => "practice.registered",
            AuditAction::PracticeSettingsChanged => "practice.settings_changed",
            AuditAction::LoginSucceeded => "auth.login_succeeded",
            AuditAction::LoginFailed => "auth.login_failed",
            AuditAction::AccountLockedOut => "auth.locked_out",
            AuditAction::LoggedOut => "auth.logged_out",
            AuditAction::LoggedOutEverywhere => "auth.logged_out_everywhere",
            AuditAction::PasswordResetRequested => "auth.password_reset_requested",
            AuditAction::PasswordReset => "auth.password_reset",
            AuditAction::EmailVerified => "auth.email_verified",
            AuditAction::SignInAccountLinked => "auth.sign_in_account_linked",
            AuditAction::SignInAccountUnlinked => "auth.sign_in_account_unlinked",
            AuditAction::TwoFactorEnabled => "auth.two_factor_enabled",
            AuditAction::TwoFactorDisabled => "auth.two_factor_disabled",
            AuditAction::TwoFactorRecoveryCodeUsed => "auth.two_factor_recovery_code_used",
            AuditAction::TwoFactorRecoveryCodesRenewed => "auth.two_factor_recovery_codes_renewed",
            AuditAction::TwoFactorRequirementChanged => "practice.two_factor_requirement_changed",
            AuditAction::VaultCreated => "vault.created",
            AuditAction::VaultUnlocked => "vault.unlocked",
            AuditAction::VaultLocked => "vault.locked",
            AuditAction::RecoveryCodeUsed => "vault.recovery_code_used",
            AuditAction::InviteSent => "team.invite_sent",
            AuditAction::InviteAccepted => "team.invite_accepted",
            AuditAction::InviteRevoked => "team.invite_revoked",
            AuditAction::RoleChanged => "team.role_changed",
            AuditAction::MemberRemoved => "team.member_removed",
            AuditAction::KeyShared => "vault.key_shared",
            AuditAction::KeyRotated => "vault.key_rotated",
            AuditAction::PatientCreated => "patient.created",
            AuditAction::PatientViewed => "patient.viewed",
            AuditAction::PatientsListed => "patients.listed",
            AuditAction::ConsentCreated => "consent.created",
            AuditAction::ConsentLinkSent => "consent.link_sent",
            AuditAction::ConsentViewed => "consent.viewed",
            AuditAction::ConsentPatientLinked => "consent.patient_linked",
            AuditAction::ConsentSigned => "consent.signed",
            AuditAction::ConsentCountersigned => "consent.countersigned",
            AuditAction::ConsentRevoked => "consent.revoked",
            AuditAction::ConsentExpired => "consent.expired",
            AuditAction::ExportCreated => "export.created",
        }
    }
}

impl std::fmt::Display for AuditAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
