//! The member's connected provider accounts, for the profile page.

use leptos::prelude::*;

use super::SignInAccounts;
use crate::error::AppError;

#[server(endpoint = "linked_sign_in_accounts")]
pub async fn linked_sign_in_accounts() -> Result<SignInAccounts, AppError> {
    server::accounts().await.map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use domain::Capability;
    use leptos::prelude::use_context;

    use super::super::{LinkedSignIn, SignInAccounts, SignInProviders};
    use crate::auth::require;
    use crate::error::AppError;

    pub async fn accounts() -> Result<SignInAccounts, AppError> {
        let staff = require(Capability::ManageOwnAccount)?;
        let pool = crate::error::db_pool()?;
        let mut conn = pool.acquire().await?;
        let member = db::oidc::Member {
            practice_id: staff.practice_id,
            user_id: staff.user_id,
        };
        let linked = db::oidc::linked_accounts(&mut conn, member).await?;
        Ok(SignInAccounts {
            offered: use_context::<SignInProviders>()
                .map(|p| p.0)
                .unwrap_or_default(),
            linked: linked
                .into_iter()
                .map(|a| LinkedSignIn {
                    provider: a.provider,
                    linked_on: a.linked_at.date_naive().to_string(),
                })
                .collect(),
        })
    }
}
