#ifndef STEAMLENS_CRC32C_H
#define STEAMLENS_CRC32C_H
#include <stddef.h>
#include <stdint.h>

/// CRC-32C (Castagnoli, as in iSCSI, ext4 and the `crc32c` Python package)
/// of `length` bytes, continuing from `crc` (0 to start). Uses the CPU's
/// CRC32 instruction where there is one (SSE 4.2, ARMv8 CRC), a table
/// otherwise; both give the same number.
uint32_t sl_crc32c(uint32_t crc, const void *bytes, size_t length);

/// The table path alone, so tests can hold the two paths to each other.
uint32_t sl_crc32c_portable(uint32_t crc, const void *bytes, size_t length);
#endif
