//! The practice vault's server functions. The server stores and hands out envelopes; opening
//! them happens only in staff browsers (docs/crypto.md §9.1–9.2).

mod event;
mod material;
mod open;
mod recovery;
mod rotation;
mod rotation_flow;
mod setup;

pub use event::vault_event;
pub use material::{vault_material, VaultAccess, VaultMaterialDto};
pub use open::{
    provide_vault, use_vault, uuid_bytes, OpenKeys, UnlockKeys, Vault, VaultStatus, AUTO_LOCK_MS,
};
pub use recovery::{adopt_vault_share, recovery_material, restore_vault_access};
pub use rotation::{rotate_keys, rotation_plan, NewKeySet, RotationMember, RotationTargets};
pub use rotation_flow::{rotate_in_browser, RotationFailure};
pub use setup::setup_vault;
