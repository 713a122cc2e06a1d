//! The db crate's integration tests, one binary: each test gets a fresh database from
//! `#[sqlx::test]` on the project's private PostgreSQL (or DATABASE_URL).

mod audit;
mod consent_jobs;
mod oidc;
mod outbox;
mod pool;
mod practice;
mod rate_limit;
mod schema;
mod session;
mod staff;
mod two_factor;
