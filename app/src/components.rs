//! Building blocks shared by pages.

mod auth_card;
mod language_switch;
mod notice_page;
mod site_footer;
mod site_header;

pub use auth_card::AuthCard;
pub use language_switch::LanguageSwitch;
pub use notice_page::NoticePage;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
