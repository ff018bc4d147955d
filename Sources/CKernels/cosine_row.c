#include "kernels.h"

// The counts of a row are nonzero in no pattern (owned together or not), so
// a branch per count mispredicts about half the time. Here every count is
// scored (a divide per lane, vectorized), and the nonzero ones are kept by
// advancing the output by (count != 0) instead of branching.
#pragma clang fp contract(off)

size_t sl_cosine_row(int32_t *counts, const float *norms, size_t n, float norm, float shrink,
                     int32_t *items, float *scores) {
    // First every lane's score, into `scores` as scratch: a loop the compiler vectorizes.
    for (size_t j = 0; j < n; j++) scores[j] = (float)counts[j] / (norm * norms[j] + shrink);
    // Then the compaction, in place: the write position never passes the read one.
    size_t kept = 0;
    for (size_t j = 0; j < n; j++) {
        int32_t count = counts[j];
        float score = scores[j];
        items[kept] = (int32_t)j;
        scores[kept] = score;
        counts[j] = 0;
        kept += count != 0;
    }
    return kept;
}
