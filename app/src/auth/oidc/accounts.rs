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
        // Read before the first await: while the page is rendered on the server, the staff
        // area renders its page more than once and drops the earlier rendering's owner, so a
        // context read after an await may find nothing. The browser hydrates with the first
        // rendering's answer, which must equal the last one's (direct loads of /app/profil
        // failed to hydrate when this list came back empty).
        let offered = use_context::<SignInProviders>()
            .map(|p| p.0)
            .unwrap_or_default();
        let pool = crate::error::db_pool()?;
        let mut conn = pool.acquire().await?;
        let member = db::oidc::Member {
            practice_id: staff.practice_id,
            user_id: staff.user_id,
        };
        let linked = db::oidc::linked_accounts(&mut conn, member).await?;
        Ok(SignInAccounts {
            offered,
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
