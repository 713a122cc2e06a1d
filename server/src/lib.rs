//! The axum server around the Leptos app: settings, telemetry, security headers, health
//! checks, graceful shutdown. Kept as a library so integration tests drive the real router.

pub mod health;
pub mod language;
pub mod mail;
pub mod oidc;
pub mod proxy;
pub mod same_origin;
pub mod scheduler;
pub mod security;
pub mod seed;
pub mod session;
pub mod settings;
pub mod startup;
pub mod telemetry;

mod error;

pub use error::StartupError;
pub use settings::Settings;
pub use startup::{build_router, AppState};

/// Runs one command of the binary: `None` serves, `migrate` migrates and exits.
pub async fn run_command(command: Option<&str>) -> Result<(), StartupError> {
    let settings = Settings::from_env(|key| std::env::var(key).ok())?;
    telemetry::init(&settings);
    match command {
        None | Some("serve") => startup::serve(settings).await,
        Some("migrate") => startup::migrate(&settings).await,
        Some("seed") => seed::run(&settings).await,
        Some(other) => Err(StartupError::UnknownCommand(other.to_owned())),
    }
}
