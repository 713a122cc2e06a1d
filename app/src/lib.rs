//! The Derma Consent web application, shared by the server (feature `ssr`, renders HTML) and the
//! browser (feature `hydrate`, makes it interactive). Routes live in [`routes`]; every visible
//! string comes from [`i18n`].

pub mod auth;
pub mod components;
pub mod consents;
pub mod error;
pub mod forms;
pub mod i18n;
pub mod pages;
pub mod patient_routes;
pub mod patients;
pub mod practice_settings;
pub mod routes;
mod shell;
pub mod team;
pub mod vault;

#[cfg(feature = "ssr")]
pub mod csp;
#[cfg(feature = "ssr")]
pub mod mail;

pub use patient_routes::PatientApp;
pub use routes::App;
pub use shell::{patient_shell, shell};
