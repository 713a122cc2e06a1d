//! Which providers the sign-in page offers (public: it is the same for everyone).

use domain::SignInProvider;
use leptos::prelude::*;

use crate::error::AppError;

// Server functions are async by contract, even one that only reads its context.
#[allow(clippy::unused_async)]
#[server(endpoint = "sign_in_providers")]
pub async fn sign_in_providers() -> Result<Vec<SignInProvider>, AppError> {
    Ok(use_context::<super::SignInProviders>()
        .map(|p| p.0)
        .unwrap_or_default())
}
