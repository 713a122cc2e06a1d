//! Server-only persistence for Derma Consent: the migrator, the connection pool and the queries.
//!
//! Queries are checked at compile time (`sqlx::query!`) against the committed offline data in
//! `.sqlx/`, so builds need no database. Functions take `&mut PgConnection` or a pool; the
//! caller owns transactions (STYLE rule 8).

pub mod audit;
pub mod consent;
pub mod consent_jobs;
mod error;
mod health;
pub mod oidc;
pub mod outbox;
pub mod patient;
pub mod pool;
pub mod practice;
pub mod practice_settings;
pub mod rate_limit;
pub mod session;
pub mod staff;
pub mod team;
pub mod token;
pub mod two_factor;
pub mod vault;

pub use error::DbError;
pub use health::ping;
pub use pool::{connect, connect_with, PoolSettings};

/// Every migration of `migrations/`, embedded at compile time. The server runs it at start and
/// `make migrate` runs it on demand; `#[sqlx::test(migrator = "db::MIGRATOR")]` uses it per test.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");

pub use sqlx::Error as SqlxError;
pub use sqlx::{PgConnection, PgPool};
