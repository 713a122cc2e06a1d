//! The practice's long-lived keys (DESIGN §4.1) and the team members' key pairs.

mod fingerprint;
mod master;
mod x25519;

pub use fingerprint::Fingerprint;
pub use master::PracticeMasterKey;
pub use x25519::{
    Inbox, InboxKeyPair, InboxPublicKey, KeyPair, Member, MemberKeyPair, MemberPublicKey,
    PublicKey, Role,
};
