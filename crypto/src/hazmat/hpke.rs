//! HPKE (RFC 9180) base mode with the one suite we use: DHKEM(X25519, HKDF-SHA256) (KEM 0x0020),
//! HKDF-SHA256 (KDF 0x0001), AES-256-GCM (AEAD 0x0002), via the `hpke` crate. Single-shot only:
//! every envelope is its own HPKE context, so there are no sequence numbers to keep in step.

use hpke::aead::AesGcm256;
use hpke::kdf::HkdfSha256;
use hpke::kem::X25519HkdfSha256;
use hpke::{Deserializable, Kem as _, OpModeR, OpModeS, Serializable};
use rand_core::CryptoRng;
use zeroize::Zeroizing;

use crate::error::CryptoError;
use crate::secret::Key32;

type Kem = X25519HkdfSha256;
type PrivateKey = <Kem as hpke::Kem>::PrivateKey;
type PublicKey = <Kem as hpke::Kem>::PublicKey;
type EncappedKey = <Kem as hpke::Kem>::EncappedKey;

/// Length of the encapsulated key (`enc`) and of a public key.
pub(crate) const ENC_LEN: usize = 32;

/// A fresh key pair: (private key bytes, public key bytes).
pub(crate) fn generate(rng: &mut impl CryptoRng) -> (Key32, [u8; 32]) {
    let (sk, pk) = Kem::gen_keypair_with_rng(rng);
    (
        Key32::fill_with(|out| sk.write_exact(out)),
        pk.to_bytes().into(),
    )
}

/// The public key of a private key (`None` only for a wrong length, which `Key32` rules out).
pub(crate) fn public_key(secret: &Key32) -> Option<[u8; 32]> {
    let sk = PrivateKey::from_bytes(secret.expose()).ok()?;
    Some(Kem::sk_to_pk(&sk).to_bytes().into())
}

pub(crate) fn seal(
    recipient: &[u8; 32],
    info: &[u8],
    plaintext: &[u8],
    aad: &[u8],
    rng: &mut impl CryptoRng,
) -> Result<([u8; ENC_LEN], Vec<u8>), CryptoError> {
    let pk = PublicKey::from_bytes(recipient).map_err(|_| CryptoError::InvalidPublicKey)?;
    // Fails only for a low-order public key (all-zero shared secret, RFC 9180 §7.1.4).
    let (enc, ciphertext) = hpke::single_shot_seal_with_rng::<AesGcm256, HkdfSha256, Kem>(
        &OpModeS::Base,
        &pk,
        info,
        plaintext,
        aad,
        rng,
    )
    .map_err(|_| CryptoError::InvalidPublicKey)?;
    Ok((enc.to_bytes().into(), ciphertext))
}

pub(crate) fn open(
    secret: &Key32,
    enc: &[u8; ENC_LEN],
    info: &[u8],
    ciphertext: &[u8],
    aad: &[u8],
) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    let sk = PrivateKey::from_bytes(secret.expose()).map_err(|_| CryptoError::Decrypt)?;
    let enc = EncappedKey::from_bytes(enc).map_err(|_| CryptoError::Decrypt)?;
    hpke::single_shot_open::<AesGcm256, HkdfSha256, Kem>(
        &OpModeR::Base,
        &sk,
        &enc,
        info,
        ciphertext,
        aad,
    )
    .map(Zeroizing::new)
    .map_err(|_| CryptoError::Decrypt)
}

#[cfg(test)]
#[path = "hpke_kat.rs"]
mod kat;
