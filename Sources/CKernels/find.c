#define _GNU_SOURCE
#include <string.h>
#include "kernels.h"

ptrdiff_t sl_find(const uint8_t *haystack, size_t length, const uint8_t *needle, size_t needle_length) {
    if (needle_length == 0 || needle_length > length) return -1;
    const uint8_t *hit = memmem(haystack, length, needle, needle_length);
    return hit ? hit - haystack : -1;
}

size_t sl_count_byte(const uint8_t *values, size_t n, uint8_t byte) {
    size_t count = 0;
    for (size_t i = 0; i < n; i++) count += values[i] == byte;
    return count;
}
