//! The seeded mutator of the measurement: the same edits as the mutation
//! properties of `imap-proto-fuzz/tests/properties.rs` (replace, insert or
//! delete a byte, repeat a slice; inserted bytes mostly the grammar's
//! own), drawn from a small deterministic generator so that a run is
//! repeatable from its seed on any commit.

/// SplitMix64: small, fast, deterministic; enough to draw edits.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// The bytes an edit favours: the grammar's delimiters, digits, CR, LF
/// and the letters of NIL.
const GRAMMAR: &[u8] = b" ()[]{}<>\"\\*$%+-~.:,0123456789\r\nNIL";

fn edit_byte(rng: &mut Rng) -> u8 {
    if rng.below(4) < 3 {
        GRAMMAR[rng.below(GRAMMAR.len())]
    } else {
        rng.next_u64() as u8
    }
}

/// `msg` with 1 to 3 random edits.
pub fn mutate(rng: &mut Rng, msg: &[u8]) -> Vec<u8> {
    let mut m = msg.to_vec();
    for _ in 0..1 + rng.below(3) {
        if m.is_empty() {
            break;
        }
        let k = rng.below(m.len());
        match rng.below(4) {
            0 => m[k] = edit_byte(rng),
            1 => {
                let b = edit_byte(rng);
                m.insert(k, b);
            }
            2 => {
                m.remove(k);
            }
            _ => {
                let end = (k + 1 + rng.below(11)).min(m.len());
                let s = m[k..end].to_vec();
                m.splice(k..k, s);
            }
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_mutations() {
        let msg = b"* 1 FETCH (FLAGS (\\Seen))\r\n";
        let a: Vec<_> = {
            let mut r = Rng::new(7);
            (0..50).map(|_| mutate(&mut r, msg)).collect()
        };
        let mut r = Rng::new(7);
        let b: Vec<_> = (0..50).map(|_| mutate(&mut r, msg)).collect();
        assert_eq!(a, b);
        assert!(a.iter().any(|m| m != msg), "some edits change the message");
    }
}
