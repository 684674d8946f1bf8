// Philox4x32Batch.c: Philox4x32-10 (Salmon et al. 2011) over many counters at once.
//
// The vector paths compute 32 (AVX-512, two groups of 16 lanes) or 8 (AVX2) blocks side by side,
// one lane per block: each round's two 32x32->64-bit products use vpmuludq on the even lanes and
// on the odd lanes shifted down, then blend the high and low halves back into place. Outputs are
// interleaved into the scalar order before the store, so every path writes the same bytes.
#include "RandomKernels.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#define RESAMPLE_PHILOX_X86 1
#include <immintrin.h>
#endif

#define PHILOX_M0 0xD2511F53u
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u
#define PHILOX_W1 0xBB67AE85u

static inline void philox_scalar(uint32_t k0, uint32_t k1, uint64_t b, uint64_t s,
                                 uint64_t *out) {
  uint32_t c0 = (uint32_t)b, c1 = (uint32_t)(b >> 32);
  uint32_t c2 = (uint32_t)s, c3 = (uint32_t)(s >> 32);
  for (int r = 0; r < 10; r++) {
    uint64_t p0 = (uint64_t)PHILOX_M0 * c0;
    uint64_t p1 = (uint64_t)PHILOX_M1 * c2;
    uint32_t n0 = (uint32_t)(p1 >> 32) ^ c1 ^ k0;
    uint32_t n2 = (uint32_t)(p0 >> 32) ^ c3 ^ k1;
    c1 = (uint32_t)p1;
    c3 = (uint32_t)p0;
    c0 = n0;
    c2 = n2;
    k0 += PHILOX_W0;
    k1 += PHILOX_W1;
  }
  out[0] = (uint64_t)c1 << 32 | c0;
  out[1] = (uint64_t)c3 << 32 | c2;
}

#ifdef RESAMPLE_PHILOX_X86

// Per block the words (c1:c0) and (c3:c2), in block order: unpack within 128-bit lanes (block i
// lands in lane i / 4 of vector i % 4), then transpose the 4x4 grid of lanes.
__attribute__((target("avx512f"))) static inline void store16(__m512i c0, __m512i c1, __m512i c2,
                                                              __m512i c3, uint64_t *out) {
  __m512i a = _mm512_unpacklo_epi32(c0, c1), b = _mm512_unpackhi_epi32(c0, c1);
  __m512i c = _mm512_unpacklo_epi32(c2, c3), d = _mm512_unpackhi_epi32(c2, c3);
  __m512i e0 = _mm512_unpacklo_epi64(a, c);  // blocks 0, 4, 8, 12
  __m512i e1 = _mm512_unpackhi_epi64(a, c);  // 1, 5, 9, 13
  __m512i e2 = _mm512_unpacklo_epi64(b, d);  // 2, 6, 10, 14
  __m512i e3 = _mm512_unpackhi_epi64(b, d);  // 3, 7, 11, 15
  __m512i t0 = _mm512_shuffle_i64x2(e0, e1, 0x44);  // 0, 4, 1, 5
  __m512i t1 = _mm512_shuffle_i64x2(e0, e1, 0xEE);  // 8, 12, 9, 13
  __m512i t2 = _mm512_shuffle_i64x2(e2, e3, 0x44);  // 2, 6, 3, 7
  __m512i t3 = _mm512_shuffle_i64x2(e2, e3, 0xEE);  // 10, 14, 11, 15
  _mm512_storeu_si512(out, _mm512_shuffle_i64x2(t0, t2, 0x88));       // 0, 1, 2, 3
  _mm512_storeu_si512(out + 8, _mm512_shuffle_i64x2(t0, t2, 0xDD));   // 4, 5, 6, 7
  _mm512_storeu_si512(out + 16, _mm512_shuffle_i64x2(t1, t3, 0x88));  // 8, 9, 10, 11
  _mm512_storeu_si512(out + 24, _mm512_shuffle_i64x2(t1, t3, 0xDD));  // 12, 13, 14, 15
}

// 32 blocks as two independent groups of 16 lanes in one round loop: a round's
// multiply-blend-xor chain is ~7 cycles long, so the second group fills the pipeline while the
// first waits (one group alone ran at ~4 ns per block, two at ~2.6).
__attribute__((target("avx512f"))) static void philox32(uint32_t k0, uint32_t k1, __m512i a0,
                                                        __m512i a1, __m512i a2, __m512i a3,
                                                        __m512i b0, __m512i b1, __m512i b2,
                                                        __m512i b3, uint64_t *out) {
  const __m512i m0 = _mm512_set1_epi64(PHILOX_M0), m1 = _mm512_set1_epi64(PHILOX_M1);
  for (int r = 0; r < 10; r++) {
    __m512i kv0 = _mm512_set1_epi32((int)k0), kv1 = _mm512_set1_epi32((int)k1);
    __m512i ea0 = _mm512_mul_epu32(a0, m0);
    __m512i eb0 = _mm512_mul_epu32(b0, m0);
    __m512i oa0 = _mm512_mul_epu32(_mm512_srli_epi64(a0, 32), m0);
    __m512i ob0 = _mm512_mul_epu32(_mm512_srli_epi64(b0, 32), m0);
    __m512i ea1 = _mm512_mul_epu32(a2, m1);
    __m512i eb1 = _mm512_mul_epu32(b2, m1);
    __m512i oa1 = _mm512_mul_epu32(_mm512_srli_epi64(a2, 32), m1);
    __m512i ob1 = _mm512_mul_epu32(_mm512_srli_epi64(b2, 32), m1);
    __m512i ahi0 = _mm512_mask_blend_epi32(0xAAAA, _mm512_srli_epi64(ea0, 32), oa0);
    __m512i bhi0 = _mm512_mask_blend_epi32(0xAAAA, _mm512_srli_epi64(eb0, 32), ob0);
    __m512i alo0 = _mm512_mask_blend_epi32(0xAAAA, ea0, _mm512_slli_epi64(oa0, 32));
    __m512i blo0 = _mm512_mask_blend_epi32(0xAAAA, eb0, _mm512_slli_epi64(ob0, 32));
    __m512i ahi1 = _mm512_mask_blend_epi32(0xAAAA, _mm512_srli_epi64(ea1, 32), oa1);
    __m512i bhi1 = _mm512_mask_blend_epi32(0xAAAA, _mm512_srli_epi64(eb1, 32), ob1);
    __m512i alo1 = _mm512_mask_blend_epi32(0xAAAA, ea1, _mm512_slli_epi64(oa1, 32));
    __m512i blo1 = _mm512_mask_blend_epi32(0xAAAA, eb1, _mm512_slli_epi64(ob1, 32));
    __m512i an0 = _mm512_ternarylogic_epi32(ahi1, a1, kv0, 0x96);
    __m512i bn0 = _mm512_ternarylogic_epi32(bhi1, b1, kv0, 0x96);
    __m512i an2 = _mm512_ternarylogic_epi32(ahi0, a3, kv1, 0x96);
    __m512i bn2 = _mm512_ternarylogic_epi32(bhi0, b3, kv1, 0x96);
    a0 = an0;
    a1 = alo1;
    a2 = an2;
    a3 = alo0;
    b0 = bn0;
    b1 = blo1;
    b2 = bn2;
    b3 = blo0;
    k0 += PHILOX_W0;
    k1 += PHILOX_W1;
  }
  store16(a0, a1, a2, a3, out);
  store16(b0, b1, b2, b3, out + 32);
}

// Blocks [0, count) in groups of 32; returns how many were done (the rest go scalar).
// A group whose low counter word would wrap is left to the scalar path, so lanes never carry.
__attribute__((target("avx512f"))) static size_t fill_avx512(uint32_t k0, uint32_t k1,
                                                             uint64_t block, uint64_t stream,
                                                             size_t count, int vary_stream,
                                                             uint64_t *out) {
  const __m512i lane = _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
  uint64_t fixed = vary_stream ? block : stream;
  __m512i f0 = _mm512_set1_epi32((int)(uint32_t)fixed);
  __m512i f1 = _mm512_set1_epi32((int)(uint32_t)(fixed >> 32));
  const __m512i lane16 = _mm512_add_epi32(lane, _mm512_set1_epi32(16));
  size_t j = 0;
  for (; j + 32 <= count; j += 32) {
    uint64_t base = (vary_stream ? stream : block) + j;
    if ((uint32_t)base > UINT32_MAX - 31) break;
    __m512i la = _mm512_add_epi32(_mm512_set1_epi32((int)(uint32_t)base), lane);
    __m512i lb = _mm512_add_epi32(_mm512_set1_epi32((int)(uint32_t)base), lane16);
    __m512i hi = _mm512_set1_epi32((int)(uint32_t)(base >> 32));
    if (vary_stream)
      philox32(k0, k1, f0, f1, la, hi, f0, f1, lb, hi, out + 2 * j);
    else
      philox32(k0, k1, la, hi, f0, f1, lb, hi, f0, f1, out + 2 * j);
  }
  return j;
}

// 8 blocks with AVX2.
__attribute__((target("avx2"))) static void philox8(uint32_t k0, uint32_t k1, __m256i c0,
                                                    __m256i c1, __m256i c2, __m256i c3,
                                                    uint64_t *out) {
  const __m256i m0 = _mm256_set1_epi64x(PHILOX_M0), m1 = _mm256_set1_epi64x(PHILOX_M1);
  for (int r = 0; r < 10; r++) {
    __m256i e0 = _mm256_mul_epu32(c0, m0);
    __m256i o0 = _mm256_mul_epu32(_mm256_srli_epi64(c0, 32), m0);
    __m256i e1 = _mm256_mul_epu32(c2, m1);
    __m256i o1 = _mm256_mul_epu32(_mm256_srli_epi64(c2, 32), m1);
    __m256i hi0 = _mm256_blend_epi32(_mm256_srli_epi64(e0, 32), o0, 0xAA);
    __m256i lo0 = _mm256_blend_epi32(e0, _mm256_slli_epi64(o0, 32), 0xAA);
    __m256i hi1 = _mm256_blend_epi32(_mm256_srli_epi64(e1, 32), o1, 0xAA);
    __m256i lo1 = _mm256_blend_epi32(e1, _mm256_slli_epi64(o1, 32), 0xAA);
    __m256i n0 = _mm256_xor_si256(_mm256_xor_si256(hi1, c1), _mm256_set1_epi32((int)k0));
    __m256i n2 = _mm256_xor_si256(_mm256_xor_si256(hi0, c3), _mm256_set1_epi32((int)k1));
    c0 = n0;
    c1 = lo1;
    c2 = n2;
    c3 = lo0;
    k0 += PHILOX_W0;
    k1 += PHILOX_W1;
  }
  __m256i a = _mm256_unpacklo_epi32(c0, c1), b = _mm256_unpackhi_epi32(c0, c1);
  __m256i c = _mm256_unpacklo_epi32(c2, c3), d = _mm256_unpackhi_epi32(c2, c3);
  __m256i e0 = _mm256_unpacklo_epi64(a, c);  // blocks 0, 4
  __m256i e1 = _mm256_unpackhi_epi64(a, c);  // 1, 5
  __m256i e2 = _mm256_unpacklo_epi64(b, d);  // 2, 6
  __m256i e3 = _mm256_unpackhi_epi64(b, d);  // 3, 7
  _mm256_storeu_si256((__m256i *)out, _mm256_permute2x128_si256(e0, e1, 0x20));         // 0, 1
  _mm256_storeu_si256((__m256i *)(out + 4), _mm256_permute2x128_si256(e2, e3, 0x20));   // 2, 3
  _mm256_storeu_si256((__m256i *)(out + 8), _mm256_permute2x128_si256(e0, e1, 0x31));   // 4, 5
  _mm256_storeu_si256((__m256i *)(out + 12), _mm256_permute2x128_si256(e2, e3, 0x31));  // 6, 7
}

__attribute__((target("avx2"))) static size_t fill_avx2(uint32_t k0, uint32_t k1, uint64_t block,
                                                        uint64_t stream, size_t count,
                                                        int vary_stream, uint64_t *out) {
  const __m256i lane = _mm256_set_epi32(7, 6, 5, 4, 3, 2, 1, 0);
  uint64_t fixed = vary_stream ? block : stream;
  __m256i f0 = _mm256_set1_epi32((int)(uint32_t)fixed);
  __m256i f1 = _mm256_set1_epi32((int)(uint32_t)(fixed >> 32));
  size_t j = 0;
  for (; j + 8 <= count; j += 8) {
    uint64_t base = (vary_stream ? stream : block) + j;
    if ((uint32_t)base > UINT32_MAX - 7) break;
    __m256i lo = _mm256_add_epi32(_mm256_set1_epi32((int)(uint32_t)base), lane);
    __m256i hi = _mm256_set1_epi32((int)(uint32_t)(base >> 32));
    if (vary_stream)
      philox8(k0, k1, f0, f1, lo, hi, out + 2 * j);
    else
      philox8(k0, k1, lo, hi, f0, f1, out + 2 * j);
  }
  return j;
}

static int detect_level(void) {
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f")) return resample_philox_avx512;
  if (__builtin_cpu_supports("avx2")) return resample_philox_avx2;
  return resample_philox_scalar;
}

#endif  // RESAMPLE_PHILOX_X86

int resample_philox_best_level(void) {
#ifdef RESAMPLE_PHILOX_X86
  static int cached = -1;
  int level = __atomic_load_n(&cached, __ATOMIC_RELAXED);
  if (level < 0) {
    level = detect_level();
    __atomic_store_n(&cached, level, __ATOMIC_RELAXED);
  }
  return level;
#else
  return resample_philox_scalar;
#endif
}

void resample_philox_fill(uint32_t key0, uint32_t key1, uint64_t block, uint64_t stream,
                          size_t count, int vary_stream, int level, uint64_t *out) {
  size_t j = 0;
#ifdef RESAMPLE_PHILOX_X86
  int best = resample_philox_best_level();
  if (level > best) level = best;
  if (level >= resample_philox_avx512)
    j = fill_avx512(key0, key1, block, stream, count, vary_stream, out);
  else if (level >= resample_philox_avx2)
    j = fill_avx2(key0, key1, block, stream, count, vary_stream, out);
#else
  (void)level;
#endif
  for (; j < count; j++) {
    uint64_t b = vary_stream ? block : block + j;
    uint64_t s = vary_stream ? stream + j : stream;
    philox_scalar(key0, key1, b, s, out + 2 * j);
  }
}
