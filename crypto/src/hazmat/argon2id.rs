//! Argon2id v1.3 (RFC 9106) for password-based keys. Policy (floors, ceilings, defaults) lives in
//! `password::params`; this file only runs the function. With the `zeroize` feature the argon2
//! crate wipes its memory blocks after use.

use argon2::{Algorithm, Argon2, Params, Version};

use crate::secret::Key32;

/// Argon2id(password, salt) with a 32-byte tag. `None` only for parameter combinations the
/// argon2 crate rejects, which the policy layer never lets through.
pub(crate) fn derive(
    password: &[u8],
    salt: &[u8; 16],
    memory_kib: u32,
    iterations: u32,
    parallelism: u32,
) -> Option<Key32> {
    let params = Params::new(memory_kib, iterations, parallelism, Some(32)).ok()?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    let mut ok = false;
    let key = Key32::fill_with(|out| ok = argon.hash_password_into(password, salt, out).is_ok());
    ok.then_some(key)
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use argon2::{Algorithm, Argon2, AssociatedData, ParamsBuilder, Version};

    use crate::testing::hex;

    /// RFC 9106 §5.3: the Argon2id test vector (with secret and associated data).
    #[test]
    fn rfc9106_argon2id_vector() {
        let params = ParamsBuilder::new()
            .m_cost(32)
            .t_cost(3)
            .p_cost(4)
            .data(AssociatedData::new(&[0x04; 12]).expect("12 bytes of associated data"))
            .build()
            .expect("RFC parameters");
        let argon =
            Argon2::new_with_secret(&[0x03; 8], Algorithm::Argon2id, Version::V0x13, params)
                .expect("8-byte secret");
        let mut tag = [0u8; 32];
        argon
            .hash_password_into(&[0x01; 32], &[0x02; 16], &mut tag)
            .expect("hash");
        assert_eq!(
            hex(&tag),
            "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"
        );
    }

    /// Our wrapper agrees with the crate for the no-secret case (same inputs, same tag).
    #[test]
    fn wrapper_matches_crate() {
        let ours = super::derive(b"password", &[7; 16], 64, 2, 1).expect("valid params");
        let params = argon2::Params::new(64, 2, 1, Some(32)).expect("valid params");
        let mut theirs = [0u8; 32];
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(b"password", &[7; 16], &mut theirs)
            .expect("hash");
        assert_eq!(ours.expose(), &theirs);
    }
}
