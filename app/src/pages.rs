//! One page per file; the route table in `routes.rs` maps paths to them.

mod consent;
mod kiosk;
mod landing;
mod not_found;
mod register;
mod sign_in;
mod staff;

pub use consent::ConsentPage;
pub use kiosk::KioskPage;
pub use landing::LandingPage;
pub use not_found::NotFoundPage;
pub use register::RegisterPage;
pub use sign_in::SignInPage;
pub use staff::{StaffArea, StaffHome};
