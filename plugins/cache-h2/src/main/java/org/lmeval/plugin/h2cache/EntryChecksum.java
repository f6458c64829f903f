package org.lmeval.plugin.h2cache;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The checksum stored with every entry: CRC32C of the namespace's hash, the key and the value. A row whose
 * bytes were damaged (or moved under another key or namespace) fails it, and is never returned.
 */
final class EntryChecksum {
  private EntryChecksum() {}

  static long of(String namespaceHash, String key, String value) {
    CRC32C crc = new CRC32C();
    crc.update(namespaceHash.getBytes(StandardCharsets.UTF_8));
    crc.update(0);
    crc.update(key.getBytes(StandardCharsets.UTF_8));
    crc.update(0);
    crc.update(value.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }
}
