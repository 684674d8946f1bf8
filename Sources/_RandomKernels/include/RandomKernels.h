// RandomKernels.h: the two hot loops of resampling in batch form — Philox4x32-10 blocks and
// Lemire's bounded integers from 16-bit chunks — vectorised with AVX2 / AVX-512 where the CPU
// has them. Not public API: RandomStreams wraps them (Philox4x32+Batch.swift,
// BoundedIntegers+Batch.swift).
//
// Why C: Swift has no per-function target features and no runtime CPU dispatch, so a Swift
// module can only use AVX2/AVX-512 by compiling the whole module for that CPU (unsafeFlags),
// which crashes on older CPUs. C target attributes + __builtin_cpu_supports give one binary
// that uses the widest vectors the CPU has and the scalar path elsewhere (and on non-x86).
#ifndef RESAMPLE_RANDOM_KERNELS_H
#define RESAMPLE_RANDOM_KERNELS_H

#include <stddef.h>
#include <stdint.h>

/// Instruction sets of the batched kernel.
enum {
  resample_philox_scalar = 0,
  resample_philox_avx2 = 1,
  resample_philox_avx512 = 2,
};

/// The widest instruction set this CPU supports (resample_philox_*).
int resample_philox_best_level(void);

/// Computes `count` Philox4x32-10 blocks under key (key0, key1) and writes two 64-bit words per
/// block to out[2j], out[2j+1] — (x1 << 32 | x0) then (x3 << 32 | x2), the order
/// `Philox4x32.next()` returns them.
///
/// Block j's counter is (block + j, stream) when vary_stream == 0 and (block, stream + j)
/// otherwise; each 64-bit half is split low word first, so the counter words are
/// (lo(block), hi(block), lo(stream), hi(stream)).
///
/// `level` is an upper bound on the instruction set (resample_philox_*, clamped to what the CPU
/// has); every level writes identical output.
void resample_philox_fill(uint32_t key0, uint32_t key1, uint64_t block, uint64_t stream,
                          size_t count, int vary_stream, int level, uint64_t *out);

/// Lemire's multiply-and-reject on 16-bit chunks of whole 64-bit words, for a bound n ≤ 2^16
/// with threshold = 2^16 mod n.
///
/// Consumes words[0], words[1], … in order while at least four indices are still needed before
/// a word (count − *produced ≥ 4) and words remain. Each word gives four chunks, low bits first;
/// chunk c is accepted when (c·n mod 2^16) ≥ threshold, and then out[(*produced)++] = c·n >> 16.
/// Writes only out[*produced ..< count].
///
/// Returns the number of words consumed. Every level gives identical results.
size_t resample_lemire16_words(const uint64_t *words, size_t nwords, uint32_t n,
                               uint32_t threshold, uint32_t *out, size_t count,
                               size_t *produced, int level);

#endif
