//! Key rotation after a member with vault access left (docs/crypto.md §9.6). An unlocked
//! ADMIN's browser makes master key v(N+1) and inbox key pair v(M+1), chains the old master key
//! under the new one (old data stays readable), wraps the blind-index key again, keeps a copy
//! under the ADMIN's password and under the practice's recovery code (typed in, it never leaves
//! the browser), and seals the new master key to every other member's own key. The server
//! checks every envelope and swaps everything in one transaction.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A member who needs a share of the new master key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RotationMember {
    pub user_id: String,
    pub public_key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RotationTargets {
    pub pmk_version: i32,
    pub key_version: i32,
    /// Everyone else who holds, or waits for, the vault.
    pub members: Vec<RotationMember>,
}

/// Everything the new key set consists of, as envelopes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewKeySet {
    pub pmk_version: i32,
    pub key_version: i32,
    pub inbox_public_key: String,
    pub wrapped_inbox_private_key: String,
    pub wrapped_blind_index_key: String,
    pub wrapped_previous_master_key: String,
    pub admin_password_wrap: String,
    pub recovery_wrap: String,
    /// (user id, share sealed to that member's key)
    pub shares: Vec<(String, String)>,
}

#[server(endpoint = "rotation_plan")]
pub async fn rotation_plan() -> Result<RotationTargets, AppError> {
    server::plan().await.map_err(crate::error::answered)
}

#[server(endpoint = "rotate_keys", input = server_fn::codec::Json)]
pub async fn rotate_keys(keys: NewKeySet, login_key: String) -> Result<(), AppError> {
    server::rotate(&keys, &login_key)
        .await
        .map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use std::collections::BTreeSet;

    use crypto::{
        InboxPublicKey, KeyShareEnvelope, KeyType, KeyWrapEnvelope, MemberPublicKey,
        PasswordWrapEnvelope, RecoveryWrapEnvelope,
    };
    use domain::{AuditAction, Capability};

    use super::{NewKeySet, RotationMember, RotationTargets};
    use crate::auth::{client_network, require};
    use crate::error::AppError;

    fn invalid(what: &str) -> AppError {
        AppError::Validation(format!("{what} is not the expected envelope"))
    }

    fn expect(
        found: (KeyType, u32),
        wanted: KeyType,
        version: i32,
        what: &str,
    ) -> Result<(), AppError> {
        if found.0 == wanted && i64::from(found.1) == i64::from(version) {
            Ok(())
        } else {
            Err(invalid(what))
        }
    }

    pub async fn plan() -> Result<RotationTargets, AppError> {
        let staff = require(Capability::ManageTeam)?;
        let pool = crate::error::db_pool()?;
        let mut conn = pool.acquire().await?;
        let versions = db::vault::versions(&mut conn, staff.practice_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let members = db::team::members(&mut conn, staff.practice_id).await?;
        Ok(RotationTargets {
            pmk_version: versions.pmk_version + 1,
            key_version: versions.key_version + 1,
            members: members
                .into_iter()
                .filter(|m| m.user_id != staff.user_id)
                .filter_map(|m| {
                    let raw = <[u8; 32]>::try_from(m.public_key?).ok()?;
                    Some(RotationMember {
                        user_id: m.user_id.to_string(),
                        public_key: MemberPublicKey::from_raw(raw, 1).to_text(),
                    })
                })
                .collect(),
        })
    }

    /// What `rotate` needs after every envelope was checked against the versions it names.
    struct CheckedKeySet<'a> {
        inbox: InboxPublicKey,
        own: PasswordWrapEnvelope,
        shares: Vec<(uuid::Uuid, &'a str)>,
    }

    fn checked(keys: &NewKeySet) -> Result<CheckedKeySet<'_>, AppError> {
        let inbox = InboxPublicKey::from_text(&keys.inbox_public_key)
            .map_err(|_| invalid("inbox public key"))?;
        if i64::from(inbox.version()) != i64::from(keys.key_version) {
            return Err(invalid("inbox public key"));
        }
        let parse = |text: &str, what| KeyWrapEnvelope::from_text(text).map_err(|_| invalid(what));
        let inbox_wrap = parse(&keys.wrapped_inbox_private_key, "inbox key wrap")?;
        expect(
            inbox_wrap.wrapped_key(),
            KeyType::InboxKey,
            keys.key_version,
            "inbox key wrap",
        )?;
        let bidx_wrap = parse(&keys.wrapped_blind_index_key, "blind index key wrap")?;
        if bidx_wrap.wrapped_key().0 != KeyType::BlindIndexKey {
            return Err(invalid("blind index key wrap"));
        }
        let chain = parse(&keys.wrapped_previous_master_key, "previous master key")?;
        expect(
            chain.wrapped_key(),
            KeyType::MasterKey,
            keys.pmk_version - 1,
            "previous master key",
        )?;
        let own = PasswordWrapEnvelope::from_text(&keys.admin_password_wrap)
            .map_err(|_| invalid("password wrap"))?;
        expect(
            own.wrapped_key(),
            KeyType::MasterKey,
            keys.pmk_version,
            "password wrap",
        )?;
        let recovery = RecoveryWrapEnvelope::from_text(&keys.recovery_wrap)
            .map_err(|_| invalid("recovery wrap"))?;
        expect(
            recovery.wrapped_key(),
            KeyType::MasterKey,
            keys.pmk_version,
            "recovery wrap",
        )?;
        let mut shares = Vec::with_capacity(keys.shares.len());
        for (user, share) in &keys.shares {
            let envelope = KeyShareEnvelope::from_text(share).map_err(|_| invalid("share"))?;
            expect(
                envelope.wrapped_key(),
                KeyType::MasterKey,
                keys.pmk_version,
                "share",
            )?;
            let user: uuid::Uuid = user.parse().map_err(|_| invalid("share"))?;
            shares.push((user, share.as_str()));
        }
        Ok(CheckedKeySet { inbox, own, shares })
    }

    pub async fn rotate(keys: &NewKeySet, login_key: &str) -> Result<(), AppError> {
        let staff = require(Capability::ManageTeam)?;
        let CheckedKeySet { inbox, own, shares } = checked(keys)?;

        let pool = crate::error::db_pool()?;
        crate::vault::setup::check_password(&pool, &staff.email, login_key, &[&own]).await?;
        let mut tx = pool.begin().await?;
        let versions = db::vault::versions_for_update(&mut tx, staff.practice_id)
            .await?
            .ok_or(AppError::NotFound)?;
        if versions.pmk_version + 1 != keys.pmk_version
            || versions.key_version + 1 != keys.key_version
        {
            return Err(AppError::Conflict(
                "Die Schlüssel wurden inzwischen schon erneuert. Laden Sie die Seite neu."
                    .to_owned(),
            ));
        }
        // Every other member who can hold the vault gets a share, nobody else.
        let expected: BTreeSet<uuid::Uuid> = db::team::members(&mut tx, staff.practice_id)
            .await?
            .into_iter()
            .filter(|m| m.user_id != staff.user_id && m.public_key.is_some())
            .map(|m| m.user_id)
            .collect();
        let given: BTreeSet<uuid::Uuid> = shares.iter().map(|(u, _)| *u).collect();
        if expected != given || given.len() != shares.len() {
            return Err(AppError::Conflict(
                "Das Team hat sich inzwischen geändert. Laden Sie die Seite neu.".to_owned(),
            ));
        }
        db::vault::rotate(
            &mut tx,
            staff.practice_id,
            staff.user_id,
            &db::vault::Rotation {
                pmk_version: keys.pmk_version,
                key_version: keys.key_version,
                inbox_public_key: inbox.as_raw(),
                wrapped_inbox_private_key: &keys.wrapped_inbox_private_key,
                wrapped_blind_index_key: &keys.wrapped_blind_index_key,
                wrapped_previous_master_key: &keys.wrapped_previous_master_key,
                admin_password_wrap: &keys.admin_password_wrap,
                recovery_wrap: &keys.recovery_wrap,
                shares: &shares,
            },
        )
        .await?;
        let network = client_network();
        db::audit::append(
            &mut tx,
            &db::audit::NewAuditEntry {
                practice_id: staff.practice_id,
                action: AuditAction::KeyRotated,
                entity: Some(("practice", staff.practice_id)),
                actor_user_id: Some(staff.user_id),
                ip_truncated: network.as_deref(),
                metadata: serde_json::json!({
                    "pmk_version": keys.pmk_version,
                    "key_version": keys.key_version,
                    "shares": shares.len(),
                }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
