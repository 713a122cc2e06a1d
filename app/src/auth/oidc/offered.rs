//! Which providers the sign-in page offers (public: it is the same for everyone).

use domain::SignInProvider;
use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "sign_in_providers")]
pub async fn sign_in_providers() -> Result<Vec<SignInProvider>, AppError> {
    Ok(use_context::<super::SignInProviders>()
        .map(|p| p.0)
        .unwrap_or_default())
}
