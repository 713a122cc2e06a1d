//! Per-network limits on the endpoints that guessing and spamming go through (ASVS 6.3.1).
//! Per-account back-off is separate (`db::staff`); these stop one network from trying many
//! accounts or creating many practices. Keys hold the /24 or /48 network, never an address.

use std::time::Duration;

use db::rate_limit::Limit;

use crate::auth::client_network;
use crate::error::AppError;

pub const SIGN_IN: Limit = Limit {
    max_hits: 20,
    window: Duration::from_mins(5),
};
pub const SIGN_IN_PARAMETERS: Limit = Limit {
    max_hits: 60,
    window: Duration::from_mins(5),
};
pub const REGISTER: Limit = Limit {
    max_hits: 10,
    window: Duration::from_hours(1),
};

pub const VERIFY_EMAIL: Limit = Limit {
    max_hits: 30,
    window: Duration::from_hours(1),
};
pub const PASSWORD_RESET: Limit = Limit {
    max_hits: 10,
    window: Duration::from_hours(1),
};
/// Redeeming mailed links (reset, invite): each guess is a 256-bit token, this only bounds load.
pub const REDEEM_LINK: Limit = Limit {
    max_hits: 30,
    window: Duration::from_hours(1),
};

/// Second-factor codes (sign-in, enrolment, switching off, new recovery codes). Each account
/// also has its own back-off; this bounds one network trying many accounts' codes.
pub const TWO_FACTOR: Limit = Limit {
    max_hits: 30,
    window: Duration::from_mins(5),
};

/// Vault unlock/lock reports per member: enough for real use, not for flooding the audit log.
pub const VAULT_EVENT: Limit = Limit {
    max_hits: 120,
    window: Duration::from_hours(1),
};

/// Counts this request against `limit` for one staff member (whatever network they use).
pub async fn check_member(
    pool: &db::PgPool,
    action: &str,
    user_id: uuid::Uuid,
    limit: Limit,
) -> Result<(), AppError> {
    let mut conn = pool.acquire().await?;
    match db::rate_limit::hit(&mut conn, &format!("{action}:user:{user_id}"), limit).await? {
        None => Ok(()),
        Some(retry_after_secs) => {
            tracing::warn!(action, "rate limit reached for a staff member");
            Err(AppError::RateLimited { retry_after_secs })
        }
    }
}

/// Counts this request against `limit` for the client's network; refuses when over it. A
/// request whose network is unknown shares one bucket with all such requests (fail closed).
pub async fn check(pool: &db::PgPool, action: &str, limit: Limit) -> Result<(), AppError> {
    let network = client_network().unwrap_or_else(|| "unknown".to_owned());
    let mut conn = pool.acquire().await?;
    match db::rate_limit::hit(&mut conn, &format!("{action}:net:{network}"), limit).await? {
        None => Ok(()),
        Some(retry_after_secs) => {
            tracing::warn!(action, "rate limit reached for a client network");
            Err(AppError::RateLimited { retry_after_secs })
        }
    }
}
