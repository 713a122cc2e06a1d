//! The vault in the staff area: asks the server for this member's envelopes, opens them with
//! the key from sign-in, offers unlock after a lock or reload, set-up to an ADMIN without a
//! vault, and locks itself after 15 minutes without keyboard or pointer activity.

use domain::UserRole;
use leptos::prelude::*;

use crate::auth::{vault_wrap_key, StaffProfile};
use crate::components::{VaultRecovery, VaultSetup};
use crate::i18n::use_i18n;
use crate::vault::{
    adopt_vault_share, use_vault, vault_event, vault_material, UnlockKeys, Vault, VaultAccess,
    VaultStatus,
};

#[component]
pub fn VaultPanel(profile: StaffProfile) -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    // Browser only (the staff shell mounts this panel after hydration): the keys and the
    // envelopes they open never exist on the server.
    let material = LocalResource::new(vault_material);

    // Decide the state once the envelopes (or their absence) arrive.
    Effect::new(move |_| {
        let Some(answer) = material.get() else { return };
        match answer {
            Ok(access @ (VaultAccess::Ready(_) | VaultAccess::Shared(_))) => {
                if let Some(keys) = vault.take_keys() {
                    leptos::task::spawn_local(async move {
                        if open_access(vault, access, keys).await.is_err()
                            && vault.status_untracked() != VaultStatus::Unlocked
                        {
                            vault.set_status(VaultStatus::Locked);
                        }
                    });
                } else if vault.status_untracked() != VaultStatus::Unlocked {
                    vault.set_status(VaultStatus::Locked);
                }
            }
            Ok(VaultAccess::NotSetUp) => {
                // Nothing of another member may stay open here (keys waiting for a set-up do).
                vault.close();
                vault.set_status(VaultStatus::Missing);
            }
            Ok(VaultAccess::NotShared) => {
                vault.close();
                vault.set_status(VaultStatus::NotShared);
            }
            Err(_) => {}
        }
    });

    let email = profile.email.clone();
    let unlock = Action::new(move |password: &String| {
        let (email, password) = (email.clone(), password.clone());
        async move {
            let keys = vault_wrap_key(email, password).await.map_err(|_| ())?;
            // Fresh envelopes: the vault may have been set up, shared or rotated since.
            let access = vault_material().await.map_err(|_| ())?;
            open_access(vault, access, keys).await?;
            Ok::<(), ()>(())
        }
    });
    let password = RwSignal::new(String::new());
    let is_admin = profile.role == UserRole::Admin;
    let setup_profile = profile.clone();
    let recovery_email = profile.email.clone();

    view! {
        {move || match vault.status() {
            VaultStatus::Unknown | VaultStatus::Unlocked => ().into_any(),
            VaultStatus::Missing if is_admin => view! { <VaultSetup profile=setup_profile.clone()/> }.into_any(),
            VaultStatus::Missing => view! {
                <section class="card vault-card"><p>{i18n.text(|m| m.vault_missing_text)}</p></section>
            }.into_any(),
            VaultStatus::NotShared => view! {
                <section class="card vault-card">
                    <h2>{i18n.text(|m| m.vault_not_shared_title)}</h2>
                    <p>{i18n.text(|m| m.vault_not_shared_text)}</p>
                </section>
                {is_admin.then(|| view! { <VaultRecovery email=recovery_email.clone()/> })}
            }.into_any(),
            VaultStatus::Locked => view! {
                <section class="card vault-card">
                    <h2>{i18n.text(|m| m.vault_unlock_title)}</h2>
                    <p>{i18n.text(|m| m.vault_unlock_text)}</p>
                    <form class="form" on:submit=move |event| {
                        event.prevent_default();
                        unlock.dispatch(password.get_untracked());
                        password.set(String::new());
                    }>
                        <label class="field">
                            <span>{i18n.text(|m| m.field_password)}</span>
                            <input type="password" autocomplete="current-password" required bind:value=password/>
                        </label>
                        <p class="form-error" role="alert">
                            {move || matches!(unlock.value().get(), Some(Err(()))).then(|| i18n.t().vault_unlock_wrong)}
                        </p>
                        <button class="button" type="submit" disabled=unlock.pending()>
                            {move || if unlock.pending().get() { i18n.t().vault_unlock_busy } else { i18n.t().vault_unlock_submit }}
                        </button>
                    </form>
                </section>
            }.into_any(),
        }}
    }
}

/// Opens the vault with the password's keys: the member's own copy, or a share a colleague
/// sealed to them (then kept as their own copy from now on).
async fn open_access(vault: Vault, access: VaultAccess, keys: UnlockKeys) -> Result<(), ()> {
    let open = match access {
        VaultAccess::Ready(material) => {
            Vault::open_keys(&material, &keys.wrap_key).map_err(|_| ())?
        }
        VaultAccess::Shared(material) => {
            let (open, copy) =
                Vault::open_shared_keys(&material, &keys.wrap_key).map_err(|_| ())?;
            adopt_vault_share(copy, keys.login_key.to_string())
                .await
                .map_err(|_| ())?;
            open
        }
        VaultAccess::NotSetUp | VaultAccess::NotShared => return Err(()),
    };
    // The session's new id first, then the keys (see `Vault::open_keys`).
    let _ = vault_event(true).await;
    vault.install(open);
    Ok(())
}

/// The lock control of the staff header: always visible once the state is known.
#[component]
pub fn VaultBadge() -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    let lock = move |_| {
        vault.lock();
        leptos::task::spawn_local(async move {
            let _ = vault_event(false).await;
        });
    };
    view! {
        {move || match vault.status() {
            VaultStatus::Unlocked => view! {
                <span class="vault-badge vault-badge--open">{i18n.text(|m| m.vault_unlocked)}</span>
                <button class="button button--secondary" type="button" on:click=lock>{i18n.text(|m| m.vault_lock)}</button>
            }.into_any(),
            VaultStatus::Locked => view! {
                <span class="vault-badge">{i18n.text(|m| m.vault_locked)}</span>
            }.into_any(),
            VaultStatus::Unknown | VaultStatus::Missing | VaultStatus::NotShared => ().into_any(),
        }}
    }
}
