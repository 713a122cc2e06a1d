//! Sharing the master key with a new team member (DESIGN §4.2): an unlocked admin HPKE-seals it
//! to the member's own X25519 public key after both compared its fingerprint; the member opens
//! it once and re-wraps it under their password. HPKE info binds practice, user and the member
//! key version; the AAD is the envelope prefix.

use rand_core::CryptoRng;

use crate::envelope::codec::prefix;
use crate::envelope::wrapped::WrappedKey;
use crate::envelope::{KeyShareEnvelope, KeyType};
use crate::error::CryptoError;
use crate::hazmat::hpke;
use crate::hazmat::kdf::labels;
use crate::ids::{PracticeId, UserId};
use crate::keys::{MemberKeyPair, MemberPublicKey, PracticeMasterKey};
use crate::rng;
use crate::secret::Key32;

fn info(practice: PracticeId, user: UserId, member_version: u32) -> Vec<u8> {
    super::aad(
        labels::KEY_SHARE,
        &[],
        &[
            practice.as_bytes(),
            user.as_bytes(),
            &member_version.to_be_bytes(),
        ],
    )
}

impl PracticeMasterKey {
    /// Seals this master key to `member` (user `user` of this practice).
    pub fn share_with(
        &self,
        member: &MemberPublicKey,
        user: UserId,
    ) -> Result<KeyShareEnvelope, CryptoError> {
        self.share_with_rng(member, user, &mut rng::os())
    }

    pub(crate) fn share_with_rng(
        &self,
        member: &MemberPublicKey,
        user: UserId,
        rng: &mut impl CryptoRng,
    ) -> Result<KeyShareEnvelope, CryptoError> {
        let mut envelope = KeyShareEnvelope {
            member_version: member.version(),
            wrapped: WrappedKey {
                key_type: KeyType::MasterKey,
                version: self.version(),
            },
            enc: [0; 32],
            ciphertext: [0; 48],
        };
        let info = info(self.practice_id(), user, member.version());
        let (enc, sealed) = hpke::seal(
            member.as_raw(),
            &info,
            self.secret().expose(),
            &prefix(&envelope),
            rng,
        )?;
        envelope.enc = enc;
        envelope.ciphertext = sealed
            .try_into()
            .unwrap_or_else(|_| unreachable!("32-byte key + 16-byte tag"));
        Ok(envelope)
    }
}

impl MemberKeyPair {
    /// Opens a share addressed to this member.
    pub fn open_share(
        &self,
        envelope: &KeyShareEnvelope,
        practice: PracticeId,
        user: UserId,
    ) -> Result<PracticeMasterKey, CryptoError> {
        if envelope.member_version != self.version() {
            return Err(CryptoError::KeyVersion {
                envelope: envelope.member_version,
                key: self.version(),
            });
        }
        let version = envelope.wrapped.expect(KeyType::MasterKey)?;
        let info = info(practice, user, self.version());
        let opened = hpke::open(
            self.secret(),
            &envelope.enc,
            &info,
            &envelope.ciphertext,
            &prefix(envelope),
        )?;
        let key = Key32::from_slice(&opened).ok_or(CryptoError::Decrypt)?;
        Ok(PracticeMasterKey::from_parts(key, practice, version))
    }
}
