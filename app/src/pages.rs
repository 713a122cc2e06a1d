//! One page per file; the route table in `routes.rs` maps paths to them.

mod accept_invite;
mod consent;
mod forgot_password;
mod kiosk;
mod landing;
mod new_consent;
mod not_found;
mod patient;
pub(crate) mod patients;
mod practice_settings;
mod profile;
mod register;
mod reset_password;
mod sign_in;
pub(crate) mod staff;
mod team;
mod verify_email;

pub use accept_invite::AcceptInvitePage;
pub use consent::ConsentPage;
pub use forgot_password::ForgotPasswordPage;
pub use kiosk::KioskPage;
pub use landing::LandingPage;
pub use new_consent::NewConsentPage;
pub use not_found::NotFoundPage;
pub use patient::PatientPage;
pub use patients::PatientsPage;
pub use practice_settings::PracticeSettingsPage;
pub use profile::ProfilePage;
pub use register::RegisterPage;
pub use reset_password::ResetPasswordPage;
pub use sign_in::SignInPage;
pub use staff::{StaffArea, StaffHome};
pub use team::TeamPage;
pub use verify_email::VerifyEmailPage;
