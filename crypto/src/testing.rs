//! Test helpers: a deterministic generator for golden vectors (SHA-256(seed ‖ counter) blocks;
//! not a CSPRNG anyone should use, it only needs to be stable) and hex conversion.

use core::convert::Infallible;
use rand_core::{TryCryptoRng, TryRng};
use sha2::{Digest, Sha256};

pub(crate) struct TestRng {
    seed: u64,
    counter: u64,
    buffer: Vec<u8>,
}

impl TestRng {
    pub(crate) fn new(seed: u64) -> Self {
        Self {
            seed,
            counter: 0,
            buffer: Vec::new(),
        }
    }
}

impl TryRng for TestRng {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        let mut b = [0u8; 4];
        self.try_fill_bytes(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        let mut b = [0u8; 8];
        self.try_fill_bytes(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        while self.buffer.len() < dst.len() {
            let block = Sha256::new()
                .chain_update(self.seed.to_be_bytes())
                .chain_update(self.counter.to_be_bytes())
                .finalize();
            self.counter += 1;
            self.buffer.extend_from_slice(&block);
        }
        let rest = self.buffer.split_off(dst.len());
        dst.copy_from_slice(&self.buffer);
        self.buffer = rest;
        Ok(())
    }
}

impl TryCryptoRng for TestRng {}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use core::fmt::Write;
    bytes.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

pub(crate) fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}
