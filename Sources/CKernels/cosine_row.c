#include "kernels.h"

// The counts of a row are nonzero in no pattern (owned together or not), so
// a branch per count mispredicts about half the time, and a heap offered
// every nonzero score in item order took as long as the counting. Here every
// lane is scored in one vectorized pass, a threshold that at least k lanes
// reach is read off a sample, only the lanes at or above it are copied out,
// eight lanes tested at a time (all eight below is the common case), and the
// best k of those few are selected and sorted as single 64-bit keys.
#pragma clang fp contract(off)

enum { sample_stride = 8, bucket_shift = 20, bucket_count = 2048 };

// Positive floats order as their bits do; the top 12 bits of a positive
// score (a zero sign, the exponent, 3 mantissa bits) name a bucket 1/8 of an
// octave wide, below 2048 for every positive float.
static inline uint32_t bucket(float score) {
    union { float f; uint32_t u; } bits = { score };
    uint32_t b = bits.u >> bucket_shift;
    return b < bucket_count ? b : bucket_count - 1;
}

static inline float bucket_floor(uint32_t b) {
    union { uint32_t u; float f; } bits = { b << bucket_shift };
    return bits.f;
}

// Lane j is item `lanes[j]`, or item j when `lanes` is NULL.
static size_t copy_at_or_above(const float *scores, const int32_t *lanes, size_t n, float threshold,
                               int32_t *items, float *kept_scores) {
    size_t kept = 0, j = 0;
    for (; j + 8 <= n; j += 8) {
        int any = 0;
        for (size_t l = 0; l < 8; l++) any |= scores[j + l] >= threshold;
        if (!any) continue;
        for (size_t l = 0; l < 8; l++) {
            items[kept] = lanes ? lanes[j + l] : (int32_t)(j + l);
            kept_scores[kept] = scores[j + l];
            kept += scores[j + l] >= threshold;
        }
    }
    for (; j < n; j++) {
        items[kept] = lanes ? lanes[j] : (int32_t)j;
        kept_scores[kept] = scores[j];
        kept += scores[j] >= threshold;
    }
    return kept;
}

// A candidate as one number that orders as the ranking does: the score's
// bits (a positive float's bits order as the float) above the complement of
// the item, so of equal scores the lower item ranks higher. Keys are unique.
static inline uint64_t rank_key(float score, int32_t item) {
    union { float f; uint32_t u; } bits = { score };
    return (uint64_t)bits.u << 32 | (uint32_t)~(uint32_t)item;
}

static inline void swap_keys(uint64_t *a, uint64_t *b) { uint64_t t = *a; *a = *b; *b = t; }

// Hoare's partition of keys[lo ..< hi] (hi - lo >= 2) around its middle key,
// descending: afterwards keys[lo ..< *i] >= pivot >= keys[*j + 1 ..< hi] and
// *i > *j. A *j that would go below 0 stops at 0, which keeps both true.
static void partition(uint64_t *keys, size_t lo, size_t hi, size_t *i_out, size_t *j_out) {
    uint64_t pivot = keys[lo + (hi - lo) / 2];
    size_t i = lo, j = hi - 1;
    while (i <= j) {
        while (keys[i] > pivot) i++;
        while (keys[j] < pivot) j--;
        if (i <= j) { swap_keys(&keys[i], &keys[j]); i++; if (j == 0) break; j--; }
    }
    *i_out = i;
    *j_out = j;
}

// Moves the `k` largest keys to keys[0 ..< k] (Hoare's selection).
static void select_largest(uint64_t *keys, size_t n, size_t k) {
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        size_t i, j;
        partition(keys, lo, hi, &i, &j);
        if (k <= j + 1 && j + 1 > lo) hi = j + 1;
        else if (k >= i) lo = i;
        else return;
    }
}

// Sorts keys descending (quicksort over insertion sort for short runs).
static void sort_descending(uint64_t *keys, size_t n) {
    while (n > 16) {
        size_t i, j;
        partition(keys, 0, n, &i, &j);
        // The shorter side by recursion, the longer by the loop: the stack stays logarithmic.
        if (j + 1 < n - i) { sort_descending(keys, j + 1); keys += i; n -= i; }
        else { sort_descending(keys + i, n - i); n = j + 1; }
    }
    for (size_t a = 1; a < n; a++) {
        uint64_t key = keys[a];
        size_t b = a;
        while (b > 0 && keys[b - 1] < key) { keys[b] = keys[b - 1]; b--; }
        keys[b] = key;
    }
}

// The best `k` of the `n` candidates, best first, written back over them; returns how many.
static size_t best_first(int32_t *items, float *scores, size_t n, size_t k, uint64_t *keys) {
    for (size_t p = 0; p < n; p++) keys[p] = rank_key(scores[p], items[p]);
    if (k < n) select_largest(keys, n, k); else k = n;
    sort_descending(keys, k);
    for (size_t p = 0; p < k; p++) {
        union { uint32_t u; float f; } bits = { (uint32_t)(keys[p] >> 32) };
        items[p] = (int32_t)~(uint32_t)keys[p];
        scores[p] = bits.f;
    }
    return k;
}

size_t sl_cosine_top(int32_t *counts, const float *norms, size_t n, float norm, float shrink, size_t k,
                     const int32_t *touched, size_t touched_count,
                     float *scores, int32_t *items, float *best_scores, uint64_t *keys) {
    // Every lane's score; a zero count scores -1, below every cosine, and every count is cleared.
    size_t lanes = touched ? touched_count : n;
    if (touched) {
        for (size_t t = 0; t < touched_count; t++) {
            int32_t j = touched[t];
            float score = (float)counts[j] / (norm * norms[j] + shrink);
            scores[t] = counts[j] != 0 ? score : -1.0f;
            counts[j] = 0;
        }
    } else {
        for (size_t j = 0; j < n; j++) {
            float score = (float)counts[j] / (norm * norms[j] + shrink);
            scores[j] = counts[j] != 0 ? score : -1.0f;
            counts[j] = 0;
        }
    }
    // Every eighth lane's bucket: a sample of about n/8 with r above the
    // threshold stands for about 8r lanes, so r is set past k/8 by three
    // standard deviations. Too few kept after all: keep every nonzero lane.
    uint32_t histogram[bucket_count] = {0};
    size_t sampled = 0;
    for (size_t j = 0; j < lanes; j += sample_stride) {
        if (scores[j] > 0) { histogram[bucket(scores[j])]++; sampled++; }
    }
    double expected = (double)k / sample_stride;
    size_t wanted = (size_t)(expected + 3 * __builtin_sqrt(expected)) + 1;
    float threshold = -0.5f;
    if (sampled > wanted) {
        size_t above = 0;
        uint32_t b = bucket_count;
        while (b > 0 && above < wanted) above += histogram[--b];
        threshold = bucket_floor(b);
    }
    size_t kept = copy_at_or_above(scores, touched, lanes, threshold, items, best_scores);
    if (kept < k && threshold >= 0) kept = copy_at_or_above(scores, touched, lanes, -0.5f, items, best_scores);
    return best_first(items, best_scores, kept, k, keys);
}
