#include "kernels.h"
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void sl_release_freed_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

void sl_map_large_blocks(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
}
