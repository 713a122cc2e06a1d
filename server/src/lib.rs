//! The axum server around the Leptos app: settings, telemetry, security headers, health
//! checks, graceful shutdown. Kept as a library so integration tests drive the real router.
// Release builds type the whole view tree (no `erase_components` as in debug builds); the
// deepest pages exceed rustc's default query depth of 128.
#![recursion_limit = "256"]

pub mod assets;
pub mod bench;
pub mod completion;
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

/// Runs one command of the binary: `None` serves, `migrate` migrates and exits, `seed` makes
/// the demo practice, `bench` measures the patient page (`make bench`). A failure is reported
/// (with its causes) before the logs are closed.
pub async fn run_command(command: Option<&str>) -> std::process::ExitCode {
    let settings = match Settings::from_env(|key| std::env::var(key).ok()) {
        Ok(settings) => settings,
        Err(error) => return failed(&error.into()),
    };
    if command == Some("bench") {
        // It logs requests into a file of its own, so that stdout holds only its report.
        return bench::run(settings)
            .await
            .map_or_else(|e| failed(&e), |()| std::process::ExitCode::SUCCESS);
    }
    let _log = telemetry::init(&settings);
    let result = match command {
        None | Some("serve") => startup::serve(settings).await,
        Some("migrate") => startup::migrate(&settings).await,
        Some("seed") => seed::run(&settings).await,
        Some(other) => Err(StartupError::UnknownCommand(other.to_owned())),
    };
    result.map_or_else(|e| failed(&e), |()| std::process::ExitCode::SUCCESS)
}

fn failed(error: &StartupError) -> std::process::ExitCode {
    telemetry::report_fatal(error);
    std::process::ExitCode::FAILURE
}
