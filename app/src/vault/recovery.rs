//! Opening the vault with the printed recovery code (docs/crypto.md §9.5): an ADMIN whose own
//! copy of the master key is gone (password reset, or the last ADMIN left) opens the recovery
//! wrap in the browser and stores a fresh copy under their password. The code never leaves
//! the browser.

use leptos::prelude::*;

use crate::error::AppError;
use crate::vault::VaultMaterialDto;

/// The recovery wrap and the keys under the master key (ADMIN only).
#[server(endpoint = "recovery_material")]
pub async fn recovery_material() -> Result<VaultMaterialDto, AppError> {
    server::material().await.map_err(crate::error::answered)
}

/// Stores the ADMIN's new copy of the master key, made from the recovery code.
#[server(endpoint = "restore_vault_access")]
pub async fn restore_vault_access(
    password_wrap: String,
    login_key: String,
) -> Result<(), AppError> {
    server::restore(&password_wrap, &login_key)
        .await
        .map_err(crate::error::answered)
}

/// Keeps the master key a colleague shared (opened in this browser) under the member's own
/// password; the share itself is then deleted.
#[server(endpoint = "adopt_vault_share")]
pub async fn adopt_vault_share(password_wrap: String, login_key: String) -> Result<(), AppError> {
    server::adopt(&password_wrap, &login_key)
        .await
        .map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use crypto::{KeyType, PasswordWrapEnvelope};
    use domain::{AuditAction, Capability};

    use crate::auth::{client_network, require};
    use crate::error::AppError;
    use crate::vault::VaultMaterialDto;

    pub async fn material() -> Result<VaultMaterialDto, AppError> {
        let staff = require(Capability::ManagePracticeSettings)?;
        let pool = crate::error::db_pool()?;
        let mut conn = pool.acquire().await?;
        let recovery = db::vault::recovery_wrap(&mut conn, staff.practice_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let keys = db::vault::practice_keys(&mut conn, staff.practice_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let mut dto = crate::vault::material::dto(&staff, keys);
        dto.master_wrap = recovery;
        Ok(dto)
    }

    pub async fn restore(password_wrap: &str, login_key: &str) -> Result<(), AppError> {
        let staff = require(Capability::ManagePracticeSettings)?;
        store_own_wrap(
            &staff,
            password_wrap,
            login_key,
            AuditAction::RecoveryCodeUsed,
        )
        .await
    }

    pub async fn adopt(password_wrap: &str, login_key: &str) -> Result<(), AppError> {
        let staff = require(Capability::ManageOwnAccount)?;
        let pool = crate::error::db_pool()?;
        {
            let mut conn = pool.acquire().await?;
            if db::team::pending_share(&mut conn, staff.practice_id, staff.user_id)
                .await?
                .is_none()
            {
                return Err(AppError::NotFound);
            }
        }
        store_own_wrap(&staff, password_wrap, login_key, AuditAction::KeyShared).await
    }

    /// Checks the wrap (current master key, the member's password parameters, the login key)
    /// and stores it as the member's copy.
    async fn store_own_wrap(
        staff: &crate::auth::Staff,
        password_wrap: &str,
        login_key: &str,
        action: AuditAction,
    ) -> Result<(), AppError> {
        let wrap = PasswordWrapEnvelope::from_text(password_wrap).map_err(|_| {
            AppError::Validation("the password wrap is not a valid envelope".to_owned())
        })?;
        let pool = crate::error::db_pool()?;
        let current: i32 = {
            let mut conn = pool.acquire().await?;
            db::practice::current_pmk_version(&mut conn, staff.practice_id).await?
        };
        if wrap.wrapped_key().0 != KeyType::MasterKey
            || i64::from(wrap.wrapped_key().1) != i64::from(current)
        {
            return Err(AppError::Validation(
                "the wrap does not hold the current master key".to_owned(),
            ));
        }
        crate::vault::setup::check_password(&pool, &staff.email, login_key, &[&wrap]).await?;
        let mut tx = pool.begin().await?;
        db::vault::restore_password_wrap(&mut tx, staff.practice_id, staff.user_id, password_wrap)
            .await?;
        let network = client_network();
        db::audit::append(
            &mut tx,
            &db::audit::NewAuditEntry {
                practice_id: staff.practice_id,
                action,
                entity: Some(("user", staff.user_id)),
                actor_user_id: Some(staff.user_id),
                ip_truncated: network.as_deref(),
                metadata: serde_json::json!({ "pmk_version": current, "own_copy_stored": true }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
