//! The browser side of a key rotation (docs/crypto.md §9.6): every new key is made here.

use crate::error::AppError;
use crate::vault::{rotate_keys, rotation_plan, uuid_bytes, NewKeySet, OpenKeys, Vault};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RotationFailure {
    /// The vault must be open: the old master key is needed for the chain.
    Locked,
    WrongCode,
    WrongPassword,
    Other,
}

pub async fn rotate_in_browser(
    vault: Vault,
    email: String,
    user_id: String,
    code: &str,
    password: String,
) -> Result<(), RotationFailure> {
    let code = crypto::RecoveryCode::parse(code).map_err(|_| RotationFailure::WrongCode)?;
    // The code must be the practice's real one: it opens the current recovery copy.
    let current = crate::vault::recovery_material()
        .await
        .map_err(|_| RotationFailure::Other)?;
    let recovery = crypto::RecoveryWrapEnvelope::from_text(&current.master_wrap)
        .map_err(|_| RotationFailure::Other)?;
    let practice_bytes = uuid_bytes(&current.practice_id).ok_or(RotationFailure::Other)?;
    crypto::PracticeMasterKey::unwrap_with_recovery_code(
        &recovery,
        &code,
        crypto::PracticeId::from_bytes(practice_bytes),
    )
    .map_err(|_| RotationFailure::WrongCode)?;
    let plan = rotation_plan().await.map_err(|_| RotationFailure::Other)?;
    let keys = crate::auth::vault_wrap_key(email, password)
        .await
        .map_err(|_| RotationFailure::Other)?;
    let (Ok(pmk_version), Ok(key_version)) = (
        u32::try_from(plan.pmk_version),
        u32::try_from(plan.key_version),
    ) else {
        return Err(RotationFailure::Other);
    };
    let user_id = uuid_bytes(&user_id).ok_or(RotationFailure::Other)?;
    let made = vault
        .with_open_keys(|old| -> Result<(NewKeySet, OpenKeys), RotationFailure> {
            let practice = old.master.practice_id();
            let master = crypto::PracticeMasterKey::generate(practice, pmk_version);
            let inbox = crypto::InboxKeyPair::generate(key_version);
            let chain = master
                .wrap_previous_master_key(&old.master)
                .map_err(|_| RotationFailure::Other)?;
            let mut shares = Vec::with_capacity(plan.members.len());
            for member in &plan.members {
                let public = crypto::MemberPublicKey::from_text(&member.public_key)
                    .map_err(|_| RotationFailure::Other)?;
                let user = uuid_bytes(&member.user_id).ok_or(RotationFailure::Other)?;
                let share = master
                    .share_with(&public, crypto::UserId::from_bytes(user))
                    .map_err(|_| RotationFailure::Other)?;
                shares.push((member.user_id.clone(), share.to_text()));
            }
            let wrapped_blind_index = master.wrap_blind_index_key(&old.blind_index);
            let blind_index = master
                .unwrap_blind_index_key(&wrapped_blind_index)
                .map_err(|_| RotationFailure::Other)?;
            let set = NewKeySet {
                pmk_version: plan.pmk_version,
                key_version: plan.key_version,
                inbox_public_key: inbox.public_key().to_text(),
                wrapped_inbox_private_key: master.wrap_inbox_key(&inbox).to_text(),
                wrapped_blind_index_key: wrapped_blind_index.to_text(),
                wrapped_previous_master_key: chain.to_text(),
                admin_password_wrap: master
                    .wrap_with_password(&keys.wrap_key, crypto::UserId::from_bytes(user_id))
                    .to_text(),
                recovery_wrap: master.wrap_with_recovery_code(&code).to_text(),
                shares,
            };
            Ok((
                set,
                OpenKeys {
                    master,
                    inbox,
                    blind_index,
                    older_masters: Vec::new(),
                    older_inboxes: Vec::new(),
                },
            ))
        })
        .ok_or(RotationFailure::Locked)??;
    let (set, open) = made;
    rotate_keys(set, keys.login_key.to_string())
        .await
        .map_err(|e| match e {
            AppError::Validation(_) => RotationFailure::WrongPassword,
            _ => RotationFailure::Other,
        })?;
    vault.install_rotated(open);
    Ok(())
}
