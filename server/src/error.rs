//! Why the server could not start. Each message says what to do about it.

use crate::settings::SettingsError;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Settings(#[from] SettingsError),
    #[error("could not read the Leptos options from {path}: {reason} (run the server from the project root, or set LEPTOS_CONFIG to the path of Leptos.toml)")]
    LeptosConfig { path: String, reason: String },
    #[error(transparent)]
    Database(#[from] db::DbError),
    #[error("could not reach the database named by DATABASE_URL within a minute: {0} (is it running? `make db-start` starts the private one)")]
    DatabaseUnreachable(#[source] sqlx::migrate::MigrateError),
    #[error(
        "could not listen on {addr}: {source} (is another server running? set LEPTOS_SITE_ADDR)"
    )]
    Bind {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("the server stopped with an error: {0}")]
    Serve(#[source] std::io::Error),
    #[error("mail is not configured correctly: {0}")]
    Mail(String),
    #[error("the demo seed failed: {0}")]
    Seed(String),
    #[error("the built assets cannot be served: {0} (rebuild with `scripts/build-bundles`)")]
    Assets(String),
    #[error("the benchmark failed: {0}")]
    Bench(String),
    #[error("unknown command {0:?}: use `server` to serve, `server migrate` to migrate, `server seed` for the demo practice or `server bench` to measure the patient page")]
    UnknownCommand(String),
}
