//! Building blocks shared by pages.

mod auth_card;
mod language_switch;
mod notice_page;
mod site_footer;
mod site_header;
mod vault_panel;
mod vault_setup;

pub use auth_card::{use_hydrated, AuthCard};
pub use language_switch::LanguageSwitch;
pub use notice_page::NoticePage;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use vault_panel::{VaultBadge, VaultPanel};
pub use vault_setup::VaultSetup;
