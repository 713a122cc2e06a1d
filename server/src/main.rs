//! The Derma Consent server. `server` serves the app; `server migrate` applies the database
//! migrations and exits (used by `make migrate`).

use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let command = std::env::args().nth(1);
    server::run_command(command.as_deref()).await
}
