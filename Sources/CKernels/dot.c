#include <string.h>
#include "kernels.h"

// Two four-lane partial sums, then a fixed reduction: lanes never mix and no
// sum is reordered, so the AVX2 clone (one instruction per four lanes) and
// the default one (SSE2, two instructions) give the same double to the bit.
#pragma clang fp contract(off)

typedef double lanes4 __attribute__((vector_size(32)));

__attribute__((target_clones("avx2", "default")))
double sl_dot(const double *x, const double *y, size_t n) {
    lanes4 a = {0, 0, 0, 0}, b = {0, 0, 0, 0};
    size_t k = 0;
    for (; k + 8 <= n; k += 8) {
        lanes4 x0, x1, y0, y1;
        memcpy(&x0, x + k, sizeof x0);
        memcpy(&x1, x + k + 4, sizeof x1);
        memcpy(&y0, y + k, sizeof y0);
        memcpy(&y1, y + k + 4, sizeof y1);
        a += x0 * y0;
        b += x1 * y1;
    }
    lanes4 s = a + b;
    double total = (s[0] + s[1]) + (s[2] + s[3]);
    for (; k < n; k++) total += x[k] * y[k];
    return total;
}
