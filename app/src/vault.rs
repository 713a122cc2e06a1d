//! The practice vault's server functions. The server stores and hands out envelopes; opening
//! them happens only in staff browsers (docs/crypto.md §9.1–9.2).

mod material;
mod setup;

pub use material::{vault_material, VaultMaterialDto};
pub use setup::setup_vault;
