//! The server's integration tests, one binary: the real router in-process
//! (`tower::ServiceExt::oneshot`) against a fresh database per test.

mod access;
mod accounts_by_mail;
mod cancelled_requests;
mod compressed_assets;
mod consent_dashboard;
mod consent_jobs;
mod consent_links;
mod consent_status_machine;
mod consent_submission;
mod health_and_headers;
mod mail;
mod oidc;
mod pages;
mod patients;
mod practice_settings;
mod sessions;
mod sign_in;
mod support;
mod team;
mod two_factor;
mod vault;
