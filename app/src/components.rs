//! Building blocks shared by pages.

mod auth_card;
mod language_switch;
mod link_token;
mod linked_accounts;
mod notice_page;
mod provider_sign_in;
mod qr_code;
mod recovery_codes;
mod site_footer;
mod site_header;
mod two_factor_challenge;
mod two_factor_gate;
mod two_factor_requirement;
mod two_factor_section;
mod two_factor_setup;
mod vault_panel;
mod vault_recovery;
mod vault_setup;

pub use auth_card::{use_hydrated, AuthCard};
pub use language_switch::LanguageSwitch;
pub use link_token::{use_link_token, LinkToken};
pub use linked_accounts::LinkedAccounts;
pub use notice_page::NoticePage;
pub use provider_sign_in::ProviderSignIn;
pub use qr_code::QrCode;
pub use recovery_codes::RecoveryCodes;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use two_factor_challenge::TwoFactorChallenge;
pub use two_factor_gate::TwoFactorGate;
pub use two_factor_requirement::TwoFactorRequirement;
pub use two_factor_section::TwoFactorSection;
pub use two_factor_setup::TwoFactorSetup;
pub use vault_panel::{VaultBadge, VaultPanel};
pub use vault_recovery::VaultRecovery;
pub use vault_setup::VaultSetup;
