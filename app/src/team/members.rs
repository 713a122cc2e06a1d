//! The team as an ADMIN sees it, and sharing the vault with a member whose fingerprint the
//! ADMIN has compared.

use domain::UserRole;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberView {
    pub user_id: String,
    pub email: String,
    pub role: UserRole,
    /// The member's public key (text form), for the fingerprint and for sealing a share.
    pub public_key: Option<String>,
    pub has_vault: bool,
    pub share_pending: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingInviteView {
    pub email: String,
    pub role: UserRole,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamView {
    pub members: Vec<MemberView>,
    pub invites: Vec<PendingInviteView>,
    /// A member who could open the vault left: the keys should be rotated.
    pub rotation_due: bool,
    /// The ADMIN looking at the page (they cannot remove or demote themselves here).
    pub me: String,
}

#[server(endpoint = "team_overview")]
pub async fn team_overview() -> Result<TeamView, AppError> {
    server::overview().await.map_err(crate::error::answered)
}

/// Stores the master key sealed (in the ADMIN's browser) to the member's public key.
#[server(endpoint = "share_vault")]
pub async fn share_vault(user_id: String, share: String) -> Result<(), AppError> {
    server::share(&user_id, &share)
        .await
        .map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use crypto::{KeyShareEnvelope, KeyType, MemberPublicKey};
    use domain::{AuditAction, Capability};

    use super::{MemberView, PendingInviteView, TeamView};
    use crate::auth::{client_network, require};
    use crate::error::AppError;

    pub async fn overview() -> Result<TeamView, AppError> {
        let staff = require(Capability::ManageTeam)?;
        let pool = crate::error::db_pool()?;
        let mut conn = pool.acquire().await?;
        let members = db::team::members(&mut conn, staff.practice_id).await?;
        let invites = db::team::pending_invites(&mut conn, staff.practice_id).await?;
        let rotation_due = db::team::rotation_due(&mut conn, staff.practice_id).await?;
        Ok(TeamView {
            rotation_due,
            me: staff.user_id.to_string(),
            members: members
                .into_iter()
                .map(|m| MemberView {
                    user_id: m.user_id.to_string(),
                    email: m.email,
                    role: m.role,
                    public_key: m
                        .public_key
                        .and_then(|raw| <[u8; 32]>::try_from(raw).ok())
                        .map(|raw| MemberPublicKey::from_raw(raw, 1).to_text()),
                    has_vault: m.has_vault,
                    share_pending: m.share_pending,
                })
                .collect(),
            invites: invites
                .into_iter()
                .map(|i| PendingInviteView {
                    email: i.email,
                    role: i.role,
                })
                .collect(),
        })
    }

    pub async fn share(user_id: &str, share: &str) -> Result<(), AppError> {
        let staff = require(Capability::ManageTeam)?;
        let user_id: uuid::Uuid = user_id.parse().map_err(|_| AppError::NotFound)?;
        let envelope = KeyShareEnvelope::from_text(share)
            .map_err(|_| AppError::Validation("the share is not a valid envelope".to_owned()))?;
        let pool = crate::error::db_pool()?;
        let mut tx = pool.begin().await?;
        let current = db::practice::current_pmk_version(&mut tx, staff.practice_id).await?;
        if envelope.wrapped_key().0 != KeyType::MasterKey
            || i64::from(envelope.wrapped_key().1) != i64::from(current)
        {
            return Err(AppError::Validation(
                "the share does not hold the current master key".to_owned(),
            ));
        }
        if !db::team::store_share(&mut tx, staff.practice_id, user_id, share, staff.user_id).await?
        {
            // Not in this practice, no key pair yet, or already holding the key.
            return Err(AppError::NotFound);
        }
        let network = client_network();
        db::audit::append(
            &mut tx,
            &db::audit::NewAuditEntry {
                practice_id: staff.practice_id,
                action: AuditAction::KeyShared,
                entity: Some(("user", user_id)),
                actor_user_id: Some(staff.user_id),
                ip_truncated: network.as_deref(),
                metadata: serde_json::json!({ "pmk_version": current }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
