//! What a signed-in staff member's browser needs to open the vault.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Envelopes only; the browser opens them with the key it derives from the password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VaultMaterialDto {
    pub practice_id: String,
    pub user_id: String,
    /// The master key: under this member's password (`vault_material`) or under the
    /// practice's recovery code (`recovery_material`).
    pub master_wrap: String,
    pub member_wrapped_private_key: Option<String>,
    pub inbox_key_version: i32,
    pub inbox_public_key_hex: String,
    pub wrapped_inbox_private_key: String,
    pub wrapped_blind_index_key: String,
    /// Earlier master keys, each wrapped under its successor, newest first.
    #[serde(default)]
    pub previous_master_keys: Vec<String>,
    /// Inbox private keys a rotation retired, newest first (wrapped under their time's master).
    #[serde(default)]
    pub retired_inbox_keys: Vec<String>,
}

/// Where this member stands with the practice's vault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum VaultAccess {
    /// The practice has no vault yet; an ADMIN sets it up.
    NotSetUp,
    /// The vault exists but this member holds no copy of its key: new in the team, or their
    /// password was reset. A colleague shares it again, or an ADMIN uses the recovery code.
    NotShared,
    /// An ADMIN sealed the master key to this member's key pair (`master_wrap` holds that
    /// share); the browser opens it and keeps a copy under the password (`adopt_vault_share`).
    Shared(VaultMaterialDto),
    Ready(VaultMaterialDto),
}

#[server(endpoint = "vault_material")]
pub async fn vault_material() -> Result<VaultAccess, AppError> {
    server::access().await.map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
pub(crate) use server::dto;

#[cfg(feature = "ssr")]
mod server {
    use super::{VaultAccess, VaultMaterialDto};
    use crate::auth::Staff;
    use crate::error::AppError;

    pub(crate) fn dto(staff: &Staff, m: db::vault::VaultMaterial) -> VaultMaterialDto {
        VaultMaterialDto {
            practice_id: staff.practice_id.to_string(),
            user_id: staff.user_id.to_string(),
            master_wrap: m.password_wrap,
            member_wrapped_private_key: m.member_wrapped_private_key,
            inbox_key_version: m.inbox_key_version,
            inbox_public_key_hex: crate::consents::hex(&m.inbox_public_key),
            wrapped_inbox_private_key: m.wrapped_inbox_private_key,
            wrapped_blind_index_key: m.wrapped_blind_index_key,
            previous_master_keys: m.previous_master_keys,
            retired_inbox_keys: m.retired_inbox_keys,
        }
    }

    pub async fn access() -> Result<VaultAccess, AppError> {
        let staff = crate::auth::current().ok_or(AppError::Unauthorized)?;
        let pool = crate::error::db_pool()?;
        let mut conn = pool.acquire().await?;
        if let Some(material) =
            db::vault::material_for(&mut conn, staff.practice_id, staff.user_id).await?
        {
            return Ok(VaultAccess::Ready(dto(&staff, material)));
        }
        if !db::vault::exists(&mut conn, staff.practice_id).await? {
            return Ok(VaultAccess::NotSetUp);
        }
        let share = db::team::pending_share(&mut conn, staff.practice_id, staff.user_id).await?;
        let own_key =
            db::team::member_wrapped_private_key(&mut conn, staff.practice_id, staff.user_id)
                .await?;
        let keys = db::vault::practice_keys(&mut conn, staff.practice_id).await?;
        Ok(match (share, own_key, keys) {
            (Some(share), Some(own_key), Some(keys)) => {
                let mut material = dto(&staff, keys);
                material.master_wrap = share;
                material.member_wrapped_private_key = Some(own_key);
                VaultAccess::Shared(material)
            }
            _ => VaultAccess::NotShared,
        })
    }
}
