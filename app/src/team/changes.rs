//! Changing a member's role and removing a member (ADMIN). A practice always keeps at least
//! one ADMIN. Removal takes away sign-in, sessions and every key copy at once; when the member
//! could open the vault, the practice's keys become due for rotation (docs/crypto.md §9.6).

use domain::UserRole;
use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "change_role")]
pub async fn change_role(user_id: String, role: UserRole) -> Result<(), AppError> {
    server::change_role(&user_id, role)
        .await
        .map_err(crate::error::answered)
}

#[server(endpoint = "remove_member")]
pub async fn remove_member(user_id: String) -> Result<(), AppError> {
    server::remove(&user_id)
        .await
        .map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use domain::{AuditAction, Capability, UserRole};
    use uuid::Uuid;

    use crate::auth::{client_network, require, Staff};
    use crate::error::AppError;

    fn refused(error: db::team::TeamChangeError) -> AppError {
        match error {
            db::team::TeamChangeError::NotFound => AppError::NotFound,
            db::team::TeamChangeError::LastAdmin => AppError::Conflict(
                "Die Praxis braucht mindestens eine Person mit Admin-Rechten.".to_owned(),
            ),
            db::team::TeamChangeError::Db(e) => e.into(),
        }
    }

    async fn audit(
        conn: &mut db::PgConnection,
        staff: &Staff,
        action: AuditAction,
        member: Uuid,
        metadata: serde_json::Value,
    ) -> Result<(), AppError> {
        let network = client_network();
        db::audit::append(
            conn,
            &db::audit::NewAuditEntry {
                practice_id: staff.practice_id,
                action,
                entity: Some(("user", member)),
                actor_user_id: Some(staff.user_id),
                ip_truncated: network.as_deref(),
                metadata,
            },
        )
        .await?;
        Ok(())
    }

    pub async fn change_role(user_id: &str, role: UserRole) -> Result<(), AppError> {
        let staff = require(Capability::ManageTeam)?;
        let member: Uuid = user_id.parse().map_err(|_| AppError::NotFound)?;
        let pool = crate::error::db_pool()?;
        let mut tx = pool.begin().await?;
        let old = db::team::change_role(&mut tx, staff.practice_id, member, role)
            .await
            .map_err(refused)?;
        if old != role {
            let metadata = serde_json::json!({ "from": old.as_str(), "to": role.as_str() });
            audit(&mut tx, &staff, AuditAction::RoleChanged, member, metadata).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn remove(user_id: &str) -> Result<(), AppError> {
        let staff = require(Capability::ManageTeam)?;
        let member: Uuid = user_id.parse().map_err(|_| AppError::NotFound)?;
        let pool = crate::error::db_pool()?;
        let mut tx = pool.begin().await?;
        let had_vault = db::team::remove_member(&mut tx, staff.practice_id, member)
            .await
            .map_err(refused)?;
        let metadata = serde_json::json!({ "had_vault_access": had_vault });
        audit(
            &mut tx,
            &staff,
            AuditAction::MemberRemoved,
            member,
            metadata,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
