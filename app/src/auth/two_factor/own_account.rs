//! The member's own account (name and 2FA state), for the profile page and enrolment.

use leptos::prelude::*;

use super::AccountOverview;
use crate::error::AppError;

#[server(endpoint = "own_account")]
pub async fn own_account() -> Result<AccountOverview, AppError> {
    server::status().await.map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use domain::Capability;

    use super::AccountOverview;
    use crate::auth::{require_at, SessionStage};
    use crate::error::AppError;

    pub async fn status() -> Result<AccountOverview, AppError> {
        let staff = require_at(
            Capability::ManageOwnAccount,
            &[SessionStage::Complete, SessionStage::NeedsEnrolment],
        )?;
        let pool = crate::error::db_pool()?;
        let mut conn = pool.acquire().await?;
        let state = db::two_factor::state(&mut conn, staff.practice_id, staff.user_id)
            .await?
            .ok_or(AppError::Unauthorized)?;
        Ok(AccountOverview {
            display_name: state.display_name,
            enabled: state.enabled,
            recovery_codes_left: u32::try_from(state.recovery_codes_left).unwrap_or(0),
            required_by_practice: state.required_by_practice,
        })
    }
}
