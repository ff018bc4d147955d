#ifndef STEAMLENS_KERNELS_H
#define STEAMLENS_KERNELS_H
#include <stddef.h>
#include <stdint.h>

/// CRC-32C (Castagnoli, as in iSCSI, ext4 and the `crc32c` Python package)
/// of `length` bytes, continuing from `crc` (0 to start). Uses the CPU's
/// CRC32 instruction where there is one (SSE 4.2, ARMv8 CRC), a table
/// otherwise; both give the same number.
uint32_t sl_crc32c(uint32_t crc, const void *bytes, size_t length);

/// The table path alone, so tests can hold the two paths to each other.
uint32_t sl_crc32c_portable(uint32_t crc, const void *bytes, size_t length);

/// One row of item-kNN training: scores every item j by the cosine
/// counts[j] / (norm * norms[j] + shrink) (`shrink` >= 0), clears the
/// counts, and writes to `items` and `best_scores` the best `k` items with a
/// nonzero count, best first (the higher score, then the lower item), and
/// returns how many that is (fewer than `k` when fewer are nonzero). The
/// items are 0 ..< n, or, when `touched` is not NULL, the `touched_count`
/// ones it lists (each at most once; the others' counts must be 0).
/// `scores`, `items`, `best_scores` and `keys` hold `n` (all but the first
/// `k` of `items` and `best_scores` are scratch). Rounded as the same Swift
/// expression is (no fused multiply-add), so the scores are the same to the bit.
size_t sl_cosine_top(int32_t *counts, const float *norms, size_t n, float norm, float shrink, size_t k,
                     const int32_t *touched, size_t touched_count,
                     float *scores, int32_t *items, float *best_scores, uint64_t *keys);

/// Whether every one of the `n` values lies in [lo, hi]: a stored column's
/// value check at first touch (min and max in one pass, no early exit, so
/// it vectorises; a Swift closure per value cost ~2 ns a value).
_Bool sl_within_i32(const int32_t *values, size_t n, int32_t lo, int32_t hi);
_Bool sl_within_u8(const uint8_t *values, size_t n, uint8_t lo, uint8_t hi);

/// Where `needle` first occurs in `haystack` (memmem), -1 when nowhere or
/// when `needle` is empty: `word_count` finds the few names that hold a word
/// this way instead of reading every name word by word.
ptrdiff_t sl_find(const uint8_t *haystack, size_t length, const uint8_t *needle, size_t needle_length);

/// How many of the `n` bytes equal `byte` (a loop the compiler vectorises:
/// counting a file's lines before reading it in parts).
size_t sl_count_byte(const uint8_t *values, size_t n, uint8_t byte);
/// Σ x[k]·y[k] over `n` doubles, summed the same way on every machine (an
/// AVX2 clone where the CPU has it): the inner loop of EASE's Cholesky
/// inverse, which Swift compiles to two-lane SSE2 for the x86-64 baseline.
double sl_dot(const double *x, const double *y, size_t n);

/// Hands back to the OS the pages that freed memory leaves whole inside
/// glibc's arenas (malloc_trim(0)); nothing elsewhere. glibc returns only
/// the top of each arena by itself, so a cold start whose threads each free
/// hundreds of megabytes between phases would otherwise keep them all
/// resident (docs/performance.md, "Peak memory").
void sl_release_freed_memory(void);

/// Has glibc map every block of 256 KiB or more on its own and unmap it
/// when freed (M_MMAP_THRESHOLD, which also stops glibc raising that
/// threshold as big blocks are freed, its default); nothing elsewhere. A
/// cold start's columns and scratch are such blocks: freed, they leave the
/// process at once instead of as holes in an arena (at full scale the peak
/// went from about 450 to 415 MB, at the same speed).
void sl_map_large_blocks(void);

#endif
