//! Arithmetic in GF(32) = GF(2)[x]/(x^5 + x^2 + 1), for the per-group check character. With
//! weights 1, α, α², α³, α⁴ (α = x, of order 31) on the five characters of a group, any single
//! wrong character and any swap of two different characters changes the weighted sum, so it is
//! always caught. Branch-free, since the inputs are secret.

/// Multiplication in GF(32).
pub(super) fn mul(mut a: u8, mut b: u8) -> u8 {
    let mut product = 0u8;
    for _ in 0..5 {
        product ^= a & 0u8.wrapping_sub(b & 1);
        b >>= 1;
        let carry = 0u8.wrapping_sub((a >> 4) & 1);
        a = ((a << 1) & 0x1f) ^ (0x05 & carry);
    }
    product
}

/// The check character of group `index` (0-based) over its four data characters: the sum of
/// all five weighted characters plus (index + 1) is zero, so groups in the wrong order fail too.
pub(super) fn check(index: u8, data: [u8; 4]) -> u8 {
    let mut sum = index + 1;
    let mut weight = 2u8; // α
    for symbol in data {
        sum ^= mul(weight, symbol);
        weight = mul(weight, 2);
    }
    sum
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::{check, mul};

    #[test]
    fn alpha_has_order_31() {
        let mut power = 1u8;
        for exponent in 1..=31 {
            power = mul(power, 2);
            assert_eq!(power == 1, exponent == 31, "α^{exponent}");
        }
    }

    #[test]
    fn every_single_substitution_and_swap_is_caught() {
        let data = [3u8, 17, 0, 29];
        let good = check(4, data);
        for position in 0..4 {
            for value in 0..32u8 {
                let mut typo = data;
                typo[position] = value;
                assert_eq!(check(4, typo) == good, value == data[position]);
            }
        }
        for (i, j) in [(0, 1), (1, 2), (2, 3), (0, 3)] {
            let mut swapped = data;
            swapped.swap(i, j);
            assert_ne!(check(4, swapped), good);
        }
    }
}
