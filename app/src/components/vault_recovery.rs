//! An ADMIN without a copy of the master key opens the vault with the printed recovery code:
//! the code and the password stay in this browser; the server receives a new wrap under the
//! password and the login key that proves it.

use leptos::prelude::*;

use crate::auth::vault_wrap_key;
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::vault::{
    recovery_material, restore_vault_access, use_vault, uuid_bytes, vault_event, vault_material,
    VaultAccess,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RecoveryFailure {
    /// The code does not parse or does not open the wrap.
    WrongCode,
    /// The password does not belong to this account.
    WrongPassword,
    Other,
}

#[component]
pub fn VaultRecovery(email: String) -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    let code = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let recover = Action::new(move |(code, password): &(String, String)| {
        let (email, code, password) = (email.clone(), code.clone(), password.clone());
        async move { recover(vault, email, &code, password).await }
    });
    let problem = move || {
        recover
            .value()
            .get()
            .and_then(Result::err)
            .map(|failure| match failure {
                RecoveryFailure::WrongCode => i18n.t().vault_recover_wrong_code,
                RecoveryFailure::WrongPassword => i18n.t().vault_unlock_wrong,
                RecoveryFailure::Other => i18n.t().error_try_again,
            })
    };
    view! {
        <section class="card vault-card">
            <h2>{i18n.text(|m| m.vault_recover_title)}</h2>
            <p>{i18n.text(|m| m.vault_recover_text)}</p>
            <form class="form" on:submit=move |event| {
                event.prevent_default();
                recover.dispatch((code.get_untracked(), password.get_untracked()));
            }>
                <label class="field">
                    <span>{i18n.text(|m| m.field_recovery_code)}</span>
                    <input type="text" autocomplete="off" spellcheck="false" required bind:value=code/>
                </label>
                <label class="field">
                    <span>{i18n.text(|m| m.field_password)}</span>
                    <input type="password" autocomplete="current-password" required bind:value=password/>
                </label>
                <p class="form-error" role="alert">{problem}</p>
                <button class="button" type="submit" disabled=recover.pending()>
                    {move || if recover.pending().get() { i18n.t().vault_unlock_busy } else { i18n.t().vault_recover_submit }}
                </button>
            </form>
        </section>
    }
}

async fn recover(
    vault: crate::vault::Vault,
    email: String,
    code: &str,
    password: String,
) -> Result<(), RecoveryFailure> {
    let code = crypto::RecoveryCode::parse(code).map_err(|_| RecoveryFailure::WrongCode)?;
    let material = recovery_material()
        .await
        .map_err(|_| RecoveryFailure::Other)?;
    let (Some(practice), Some(user)) = (
        uuid_bytes(&material.practice_id),
        uuid_bytes(&material.user_id),
    ) else {
        return Err(RecoveryFailure::Other);
    };
    let envelope = crypto::RecoveryWrapEnvelope::from_text(&material.master_wrap)
        .map_err(|_| RecoveryFailure::Other)?;
    let master = crypto::PracticeMasterKey::unwrap_with_recovery_code(
        &envelope,
        &code,
        crypto::PracticeId::from_bytes(practice),
    )
    .map_err(|_| RecoveryFailure::WrongCode)?;
    let keys = vault_wrap_key(email, password)
        .await
        .map_err(|_| RecoveryFailure::Other)?;
    let wrap = master.wrap_with_password(&keys.wrap_key, crypto::UserId::from_bytes(user));
    restore_vault_access(wrap.to_text(), keys.login_key.to_string())
        .await
        .map_err(|e| match e {
            AppError::Validation(_) => RecoveryFailure::WrongPassword,
            _ => RecoveryFailure::Other,
        })?;
    let Ok(VaultAccess::Ready(found)) = vault_material().await else {
        return Err(RecoveryFailure::Other);
    };
    let open = crate::vault::Vault::open_keys(&found, &keys.wrap_key)
        .map_err(|_| RecoveryFailure::Other)?;
    // The session's new id first, then the keys (see `Vault::open_keys`).
    let _ = vault_event(true).await;
    vault.install(open);
    Ok(())
}
