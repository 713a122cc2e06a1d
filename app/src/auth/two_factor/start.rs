//! Starting enrolment: a fresh secret is stored (sealed) but not yet enabled; the member scans
//! it and proves it with a first code (`confirm_two_factor`). Starting again replaces it.

use leptos::prelude::*;

use super::TwoFactorEnrolment;
use crate::error::AppError;

#[server(endpoint = "start_two_factor")]
pub async fn start_two_factor() -> Result<TwoFactorEnrolment, AppError> {
    server::start().await.map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use crypto::TotpSecret;
    use domain::Capability;

    use super::super::{check, qr};
    use super::TwoFactorEnrolment;
    use crate::auth::{require_at, SessionStage};
    use crate::error::AppError;

    pub async fn start() -> Result<TwoFactorEnrolment, AppError> {
        let staff = require_at(
            Capability::ManageOwnAccount,
            &[SessionStage::Complete, SessionStage::NeedsEnrolment],
        )?;
        let secret = TotpSecret::generate();
        let (practice, user) = check::ids(&staff);
        let sealed = secret.seal(&check::seal_key()?, practice, user);
        let pool = crate::error::db_pool()?;
        let mut conn = pool.acquire().await?;
        if !db::two_factor::start_enrolment(&mut conn, staff.practice_id, staff.user_id, &sealed)
            .await?
        {
            return Err(AppError::Conflict(check::ALREADY_ENABLED.to_owned()));
        }
        let key = secret.to_base32();
        let uri = qr::otpauth_uri(&staff.email, &key);
        Ok(TwoFactorEnrolment {
            key: qr::grouped(&key),
            qr: qr::svg(&uri)?,
            uri,
        })
    }
}
