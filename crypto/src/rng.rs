//! Where randomness comes from. Every public function that needs random bytes calls [`os`], the
//! operating system's CSPRNG natively and `crypto.getRandomValues` in the browser (getrandom's
//! `wasm_js` backend). Internal `*_with` functions take the generator as a parameter so that the
//! golden-vector tests can replay fixed keys and nonces; that deterministic generator
//! (`testing::TestRng`) exists only under `cfg(test)` and is never reachable from the public API.

use rand_core::{CryptoRng, UnwrapErr};

/// The platform CSPRNG. Panics if the platform has none (no `crypto.getRandomValues`), because
/// continuing without randomness would be worse than stopping.
pub(crate) fn os() -> impl CryptoRng {
    UnwrapErr(getrandom::SysRng)
}

/// Fills a fresh array from `rng`.
pub(crate) fn array<const N: usize>(rng: &mut impl CryptoRng) -> [u8; N] {
    let mut out = [0u8; N];
    rng.fill_bytes(&mut out);
    out
}
