//! The vault in the browser: the practice keys, only in WASM memory, zeroized when locked
//! (dropping the key types wipes them). Never in localStorage or sessionStorage.

use crypto::{
    BlindIndexKey, InboxKeyPair, KeyWrapEnvelope, PasswordWrapEnvelope, PracticeId,
    PracticeMasterKey, UserId, WrapKey,
};
use leptos::prelude::*;

use crate::vault::VaultMaterialDto;

/// How long the vault stays open without any keyboard or pointer activity.
pub const AUTO_LOCK_MS: f64 = 15.0 * 60.0 * 1000.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VaultStatus {
    /// Not known yet (before the browser asked the server).
    Unknown,
    /// The practice has no vault yet.
    Missing,
    /// The vault exists but this member holds no copy of its key (yet, or any more).
    NotShared,
    Locked,
    Unlocked,
}

/// What a password yields in the browser: the login key (to prove the password to the server)
/// and the wrap key (to open the vault). Both are wiped when dropped.
pub struct UnlockKeys {
    pub login_key: crypto::Zeroizing<String>,
    pub wrap_key: WrapKey,
}

/// The open keys of the practice.
pub struct OpenKeys {
    pub master: PracticeMasterKey,
    pub inbox: InboxKeyPair,
    pub blind_index: BlindIndexKey,
    /// The master keys a rotation replaced, newest first: records made before it are still
    /// wrapped under them.
    pub older_masters: Vec<PracticeMasterKey>,
    /// The inbox keys a rotation retired: submissions sealed before it were sealed to them.
    pub older_inboxes: Vec<InboxKeyPair>,
}

impl OpenKeys {
    /// The inbox key of `version`: the current one or one a rotation retired.
    pub fn inbox(&self, version: u32) -> Option<&InboxKeyPair> {
        std::iter::once(&self.inbox)
            .chain(&self.older_inboxes)
            .find(|k| k.version() == version)
    }

    /// The current master key and every earlier one, newest first.
    pub fn masters(&self) -> Vec<&PracticeMasterKey> {
        std::iter::once(&self.master)
            .chain(&self.older_masters)
            .collect()
    }
}

/// Opens the retired inbox keys with whichever master key wrapped each; one that does not open
/// is left out (its submissions show as unreadable).
fn older_inboxes(masters: &[&PracticeMasterKey], retired: &[String]) -> Vec<InboxKeyPair> {
    retired
        .iter()
        .filter_map(|text| {
            let envelope = KeyWrapEnvelope::from_text(text).ok()?;
            let master = masters
                .iter()
                .find(|m| m.version() == envelope.master_version())?;
            master.unwrap_inbox_key(&envelope).ok()
        })
        .collect()
}

/// Opens the chain of earlier master keys from the current one. A link that does not open
/// ends the chain: records under it show as unreadable instead of the vault not opening.
fn older_masters(master: &PracticeMasterKey, chain: &[String]) -> Vec<PracticeMasterKey> {
    let mut older: Vec<PracticeMasterKey> = Vec::new();
    for text in chain {
        let newer = older.last().unwrap_or(master);
        match KeyWrapEnvelope::from_text(text)
            .map_err(crypto::CryptoError::from)
            .and_then(|envelope| newer.unwrap_previous_master_key(&envelope))
        {
            Ok(previous) => older.push(previous),
            Err(_) => break,
        }
    }
    older
}

/// Shared through context from the app root, so it survives moving from sign-in to `/app`.
#[derive(Clone, Copy)]
pub struct Vault {
    status: RwSignal<VaultStatus>,
    keys: StoredValue<Option<OpenKeys>>,
    /// The keys derived at sign-in, kept only until the vault is opened (or set up) with them.
    /// Sync storage on purpose: the app (and this context) is also built on the server, where
    /// thread-local values dropped on another worker thread abort the streamed page.
    pending: StoredValue<Option<UnlockKeys>>,
    last_activity: StoredValue<f64>,
}

impl Vault {
    pub fn status(self) -> VaultStatus {
        self.status.get()
    }

    pub fn status_untracked(self) -> VaultStatus {
        self.status.get_untracked()
    }

    /// Sets the status; setting the same status again notifies nobody (an effect that reads
    /// and sets it must not wake itself up for ever).
    pub fn set_status(self, status: VaultStatus) {
        if self.status.get_untracked() != status {
            self.status.set(status);
        }
    }

    /// Keeps the keys from sign-in for the moment the vault material arrives.
    pub fn remember_keys(self, keys: UnlockKeys) {
        self.pending.set_value(Some(keys));
    }

    pub fn take_keys(self) -> Option<UnlockKeys> {
        self.pending.try_update_value(Option::take).flatten()
    }

    /// Drops the open keys but keeps keys waiting for a set-up (the vault is missing).
    pub fn close(self) {
        self.keys.set_value(None);
    }

    /// Opens the member's envelopes with a wrap key. Nothing is installed yet: the caller
    /// records the unlock first (`vault_event`, which gives the session a new id) and then
    /// hands the keys to [`Vault::install`], so that whatever the open vault sets off (the
    /// patient list, the inbox) is asked with the new session id. Installed at once, those
    /// requests raced the new id, and one that lost was refused as signed out.
    pub fn open_keys(
        material: &VaultMaterialDto,
        wrap_key: &WrapKey,
    ) -> Result<OpenKeys, crypto::CryptoError> {
        let practice = PracticeId::from_bytes(
            uuid_bytes(&material.practice_id).ok_or(crypto::CryptoError::Decrypt)?,
        );
        let user =
            UserId::from_bytes(uuid_bytes(&material.user_id).ok_or(crypto::CryptoError::Decrypt)?);
        let envelope = PasswordWrapEnvelope::from_text(&material.master_wrap)?;
        let master = PracticeMasterKey::unwrap_with_password(&envelope, wrap_key, practice, user)?;
        let inbox = master.unwrap_inbox_key(&KeyWrapEnvelope::from_text(
            &material.wrapped_inbox_private_key,
        )?)?;
        let blind_index = master.unwrap_blind_index_key(&KeyWrapEnvelope::from_text(
            &material.wrapped_blind_index_key,
        )?)?;
        let older_masters = older_masters(&master, &material.previous_master_keys);
        let masters: Vec<&PracticeMasterKey> =
            std::iter::once(&master).chain(&older_masters).collect();
        let older_inboxes = older_inboxes(&masters, &material.retired_inbox_keys);
        Ok(OpenKeys {
            master,
            inbox,
            blind_index,
            older_masters,
            older_inboxes,
        })
    }

    /// Opens a share a colleague sealed to this member's key pair: the keys (installed by the
    /// caller, as for [`Vault::open_keys`]) and the master key wrapped under this member's
    /// password, for the server to keep as their own copy.
    pub fn open_shared_keys(
        material: &VaultMaterialDto,
        wrap_key: &WrapKey,
    ) -> Result<(OpenKeys, String), crypto::CryptoError> {
        let practice = PracticeId::from_bytes(
            uuid_bytes(&material.practice_id).ok_or(crypto::CryptoError::Decrypt)?,
        );
        let user =
            UserId::from_bytes(uuid_bytes(&material.user_id).ok_or(crypto::CryptoError::Decrypt)?);
        let own = material
            .member_wrapped_private_key
            .as_deref()
            .ok_or(crypto::CryptoError::Decrypt)?;
        let member = crypto::MemberKeyPair::unwrap_with_password(
            &PasswordWrapEnvelope::from_text(own)?,
            wrap_key,
            practice,
            user,
        )?;
        let share = crypto::KeyShareEnvelope::from_text(&material.master_wrap)?;
        let master = member.open_share(&share, practice, user)?;
        let copy = master.wrap_with_password(wrap_key, user).to_text();
        let inbox = master.unwrap_inbox_key(&KeyWrapEnvelope::from_text(
            &material.wrapped_inbox_private_key,
        )?)?;
        let blind_index = master.unwrap_blind_index_key(&KeyWrapEnvelope::from_text(
            &material.wrapped_blind_index_key,
        )?)?;
        let older_masters = older_masters(&master, &material.previous_master_keys);
        let masters: Vec<&PracticeMasterKey> =
            std::iter::once(&master).chain(&older_masters).collect();
        let older_inboxes = older_inboxes(&masters, &material.retired_inbox_keys);
        let keys = OpenKeys {
            master,
            inbox,
            blind_index,
            older_masters,
            older_inboxes,
        };
        Ok((keys, copy))
    }

    /// Seals the open master key to a colleague's public key (after the fingerprints were
    /// compared); `None` while the vault is locked.
    pub fn share_with(
        self,
        member_public_key: &str,
        user_id: &str,
    ) -> Option<Result<String, crypto::CryptoError>> {
        let member = match crypto::MemberPublicKey::from_text(member_public_key) {
            Ok(member) => member,
            Err(e) => return Some(Err(e.into())),
        };
        let user = UserId::from_bytes(uuid_bytes(user_id)?);
        self.keys.with_value(|keys| {
            keys.as_ref().map(|keys| {
                keys.master
                    .share_with(&member, user)
                    .map(|share| share.to_text())
            })
        })
    }

    /// Runs `f` with the open keys; `None` while the vault is locked.
    pub fn with_open_keys<T>(self, f: impl FnOnce(&OpenKeys) -> T) -> Option<T> {
        self.keys.with_value(|keys| keys.as_ref().map(f))
    }

    /// Holds freshly made keys (vault set-up) as the open vault.
    pub fn install(self, keys: OpenKeys) {
        self.keys.set_value(Some(keys));
        self.touch();
        self.status.set(VaultStatus::Unlocked);
    }

    /// Holds the keys a rotation made; the keys they replace stay open as older masters.
    pub fn install_rotated(self, mut keys: OpenKeys) {
        if let Some(old) = self.keys.try_update_value(Option::take).flatten() {
            keys.older_masters = std::iter::once(old.master)
                .chain(old.older_masters)
                .collect();
            keys.older_inboxes = std::iter::once(old.inbox)
                .chain(old.older_inboxes)
                .collect();
        }
        self.install(keys);
    }

    /// Drops (and so wipes) the keys.
    pub fn lock(self) {
        self.keys.set_value(None);
        self.pending.set_value(None);
        if self.status.get_untracked() == VaultStatus::Unlocked {
            self.status.set(VaultStatus::Locked);
        }
    }

    /// Records user activity, postponing the auto-lock.
    pub fn touch(self) {
        self.last_activity.set_value(now_ms());
    }

    /// Whether the vault has been idle long enough to lock.
    pub fn idle_too_long(self) -> bool {
        now_ms() - self.last_activity.get_value() > AUTO_LOCK_MS
    }

    /// Locks after [`AUTO_LOCK_MS`] without keyboard or pointer input, wherever the user is in
    /// the app (installed once, at the app root).
    pub fn watch_idleness(self) {
        #[cfg(feature = "hydrate")]
        {
            use leptos::ev;
            let keys = window_event_listener(ev::keydown, move |_| self.touch());
            let pointer = window_event_listener(ev::pointerdown, move |_| self.touch());
            let timer = set_interval_with_handle(
                move || {
                    if self.status.get_untracked() == VaultStatus::Unlocked && self.idle_too_long()
                    {
                        self.lock();
                        leptos::task::spawn_local(async move {
                            let _ = crate::vault::vault_event(false).await;
                        });
                    }
                },
                std::time::Duration::from_secs(20),
            );
            on_cleanup(move || {
                keys.remove();
                pointer.remove();
                if let Ok(timer) = timer {
                    timer.clear();
                }
            });
        }
    }
}

pub fn provide_vault() -> Vault {
    let vault = Vault {
        status: RwSignal::new(VaultStatus::Unknown),
        keys: StoredValue::new(None),
        pending: StoredValue::new(None),
        last_activity: StoredValue::new(0.0),
    };
    provide_context(vault);
    vault
}

pub fn use_vault() -> Vault {
    use_context::<Vault>().unwrap_or_else(provide_vault)
}

fn now_ms() -> f64 {
    #[cfg(feature = "hydrate")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        0.0
    }
}

/// The 16 bytes of a UUID in its usual text form.
pub fn uuid_bytes(text: &str) -> Option<[u8; 16]> {
    let hex: Vec<u8> = text.bytes().filter(|b| *b != b'-').collect();
    if hex.len() != 32 {
        return None;
    }
    let mut out = [0u8; 16];
    for (i, pair) in hex.chunks(2).enumerate() {
        out[i] = u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::{older_inboxes, older_masters, uuid_bytes};
    use crypto::{InboxKeyPair, PracticeId, PracticeMasterKey};

    #[test]
    fn retired_inbox_keys_open_with_the_master_key_of_their_time() {
        let practice = PracticeId::from_bytes([4; 16]);
        let [v1, v2] = [1, 2].map(|v| PracticeMasterKey::generate(practice, v));
        let old_inbox = InboxKeyPair::generate(1);
        let retired = [v1.wrap_inbox_key(&old_inbox).to_text()];
        let opened = older_inboxes(&[&v2, &v1], &retired);
        assert_eq!(opened.len(), 1);
        assert_eq!(opened[0].public_key(), old_inbox.public_key());
        // Without the older master key it stays closed, and the vault still opens.
        assert!(older_inboxes(&[&v2], &retired).is_empty());
        assert!(older_inboxes(&[&v2, &v1], &["garbage".to_owned()]).is_empty());
    }

    #[test]
    fn the_chain_of_earlier_master_keys_opens_newest_first_and_stops_at_a_broken_link() {
        let practice = PracticeId::from_bytes([3; 16]);
        let [v1, v2, v3] = [1, 2, 3].map(|v| PracticeMasterKey::generate(practice, v));
        let chain = [
            v3.wrap_previous_master_key(&v2).expect("wrap").to_text(),
            v2.wrap_previous_master_key(&v1).expect("wrap").to_text(),
        ];
        let older = older_masters(&v3, &chain);
        assert_eq!(
            older
                .iter()
                .map(PracticeMasterKey::version)
                .collect::<Vec<_>>(),
            [2, 1]
        );
        assert!(older_masters(&v3, &[]).is_empty());
        // A link the current key cannot open: the vault still opens, without older keys.
        let stranger = PracticeMasterKey::generate(practice, 4);
        assert!(older_masters(&stranger, &chain).is_empty());
        assert!(older_masters(&v3, &["garbage".to_owned()]).is_empty());
    }

    #[test]
    fn uuids_parse_to_their_bytes() {
        let bytes = uuid_bytes("00010203-0405-0607-0809-0a0b0c0d0e0f").expect("uuid");
        assert_eq!(
            bytes,
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]
        );
        assert_eq!(uuid_bytes("not-a-uuid"), None);
        assert_eq!(uuid_bytes("zz010203-0405-0607-0809-0a0b0c0d0e0f"), None);
    }
}
