//! What a signed-in staff member's browser needs to open the vault.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Envelopes only; the browser opens them with the key it derives from the password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VaultMaterialDto {
    pub practice_id: String,
    pub user_id: String,
    pub password_wrap: String,
    pub member_wrapped_private_key: Option<String>,
    pub inbox_key_version: i32,
    pub inbox_public_key_hex: String,
    pub wrapped_inbox_private_key: String,
    pub wrapped_blind_index_key: String,
}

/// `None` while the practice has no vault or it was not yet shared with this member.
#[server(endpoint = "vault_material")]
pub async fn vault_material() -> Result<Option<VaultMaterialDto>, AppError> {
    server::material().await.map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use std::fmt::Write as _;

    use super::VaultMaterialDto;
    use crate::error::AppError;

    pub async fn material() -> Result<Option<VaultMaterialDto>, AppError> {
        let staff = crate::auth::current().ok_or(AppError::Unauthorized)?;
        let pool = crate::error::db_pool()?;
        let mut conn = pool.acquire().await?;
        let material = db::vault::material_for(&mut conn, staff.practice_id, staff.user_id).await?;
        Ok(material.map(|m| VaultMaterialDto {
            practice_id: staff.practice_id.to_string(),
            user_id: staff.user_id.to_string(),
            password_wrap: m.password_wrap,
            member_wrapped_private_key: m.member_wrapped_private_key,
            inbox_key_version: m.inbox_key_version,
            inbox_public_key_hex: m.inbox_public_key.iter().fold(String::new(), |mut hex, b| {
                let _ = write!(hex, "{b:02x}");
                hex
            }),
            wrapped_inbox_private_key: m.wrapped_inbox_private_key,
            wrapped_blind_index_key: m.wrapped_blind_index_key,
        }))
    }
}
