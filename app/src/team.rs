//! The practice's team (DESIGN §6: ADMIN only): invitations by mail, the new member's own key
//! pair, and the vault share an ADMIN seals to it after comparing fingerprints (docs/crypto.md
//! §9.3).

mod changes;
mod invite;
mod members;

pub use changes::{change_role, remove_member};
pub use invite::{accept_invite, invite_details, invite_member, InvitationView};
pub use members::{share_vault, team_overview, MemberView, PendingInviteView, TeamView};
