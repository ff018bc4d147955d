#include "kernels.h"

/* The same loop for each element type the stores range-check. */
#define SL_WITHIN(name, type, type_min, type_max)                       \
    _Bool name(const type *values, size_t n, type lo, type hi) {        \
        type low = type_max, high = type_min;                           \
        for (size_t i = 0; i < n; i++) {                                \
            low = values[i] < low ? values[i] : low;                    \
            high = values[i] > high ? values[i] : high;                 \
        }                                                               \
        return n == 0 || (low >= lo && high <= hi);                     \
    }

SL_WITHIN(sl_within_i32, int32_t, INT32_MIN, INT32_MAX)
SL_WITHIN(sl_within_u8, uint8_t, 0, UINT8_MAX)
