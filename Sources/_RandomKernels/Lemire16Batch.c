// Lemire16Batch.c: bounded integers from 16-bit chunks of random words, many at a time.
//
// D. Lemire, "Fast random integer generation in an interval", ACM TOMACS 29 (2019) 3:1-3:12.
// The AVX-512 path handles four words (sixteen chunks) per step: widen the chunks to 32 bits,
// multiply by n, compare the low halves with the threshold, and compress the accepted high
// halves into place (vpcompressd), so rejections cost no branches.
#include "RandomKernels.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#define RESAMPLE_LEMIRE_X86 1
#include <immintrin.h>
#endif

// One word, four chunks; the caller guarantees at least four indices are needed.
static inline size_t lemire_word(uint64_t w, uint32_t n, uint32_t t, uint32_t *out, size_t p) {
  for (int i = 0; i < 4; i++) {
    uint32_t m = (uint32_t)(w & 0xFFFF) * n;
    w >>= 16;
    out[p] = m >> 16;
    p += (m & 0xFFFF) >= t;
  }
  return p;
}

#ifdef RESAMPLE_LEMIRE_X86
__attribute__((target("avx512f"))) static size_t lemire_avx512(const uint64_t *words,
                                                               size_t nwords, uint32_t n,
                                                               uint32_t t, uint32_t *out,
                                                               size_t count, size_t *produced) {
  const __m512i nv = _mm512_set1_epi32((int)n);
  const __m512i tv = _mm512_set1_epi32((int)t);
  const __m512i low = _mm512_set1_epi32(0xFFFF);
  size_t p = *produced, k = 0;
  for (; k + 4 <= nwords && count - p >= 16; k += 4) {
    __m256i raw = _mm256_loadu_si256((const __m256i *)(words + k));
    __m512i m = _mm512_mullo_epi32(_mm512_cvtepu16_epi32(raw), nv);
    __mmask16 ok = _mm512_cmpge_epu32_mask(_mm512_and_si512(m, low), tv);
    __m512i idx = _mm512_maskz_compress_epi32(ok, _mm512_srli_epi32(m, 16));
    unsigned taken = (unsigned)__builtin_popcount((unsigned)ok);
    _mm512_mask_storeu_epi32(out + p, (__mmask16)((1u << taken) - 1u), idx);
    p += taken;
  }
  *produced = p;
  return k;
}
#endif

size_t resample_lemire16_words(const uint64_t *words, size_t nwords, uint32_t n,
                               uint32_t threshold, uint32_t *out, size_t count,
                               size_t *produced, int level) {
  size_t k = 0;
  if (*produced >= count) return 0;
#ifdef RESAMPLE_LEMIRE_X86
  if (level >= resample_philox_avx512 && resample_philox_best_level() >= resample_philox_avx512)
    k = lemire_avx512(words, nwords, n, threshold, out, count, produced);
#else
  (void)level;
#endif
  size_t p = *produced;
  for (; k < nwords && count - p >= 4; k++) p = lemire_word(words[k], n, threshold, out, p);
  *produced = p;
  return k;
}
