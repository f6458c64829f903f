package org.lmeval.plugin.datasets;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.tukaani.xz.XZInputStream;

/**
 * The UTF-8 text of a json, csv or text data file, decompressed first when its name ends in a compression
 * extension, as {@code datasets} infers it ({@code .gz}, {@code .bz2}, {@code .xz}, {@code .zst}):
 * {@code data.jsonl.gz} is read by the json loader.
 */
final class DataText {
  private DataText() {}

  static String read(Path file) {
    try (InputStream in = open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EvalException(ErrorCode.INVALID_TASK, "cannot read data file " + file + ": " + e.getMessage(), e);
    }
  }

  /** {@link #read} without a leading byte order mark. */
  static String readWithoutBom(Path file) {
    String text = read(file);
    return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
  }

  private static InputStream open(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    InputStream raw = Files.newInputStream(file);
    try {
      if (name.endsWith(".gz")) {
        return new GZIPInputStream(raw, 1 << 16);
      } else if (name.endsWith(".bz2")) {
        return new BZip2CompressorInputStream(raw, true);
      } else if (name.endsWith(".xz")) {
        return new XZInputStream(raw);
      } else if (name.endsWith(".zst")) {
        return new ZstdInputStream(raw);
      }
      return raw;
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw new IOException("not a valid " + name.substring(name.lastIndexOf('.') + 1) + " file (" + e.getMessage()
          + ")", e);
    }
  }
}
