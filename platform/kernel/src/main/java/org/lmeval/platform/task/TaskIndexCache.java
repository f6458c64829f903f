package org.lmeval.platform.task;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.api.task.TaskSource;

/**
 * The compiled task index on disk: per task source, per YAML file, the classification result (kind, name,
 * tags, output type) and the size and modification time of the file and of every file it includes. A
 * record is reused while all of those stamps are unchanged, so listing lm-eval's ~14k YAML files parses
 * nothing after the first run. Only sources that offer stamps ({@link StampedTaskSource}) are cached.
 * A missing, stale or unreadable cache file only costs a re-parse.
 */
public final class TaskIndexCache {
  private static final int FORMAT = 1;
  private final Path dir;

  /** @param dir the folder for cache files (created on first write) */
  public TaskIndexCache(Path dir) {
    this.dir = dir;
  }

  /**
   * One file's classification.
   *
   * @param deps the file and its includes, with their stamps; empty when the result must not be reused
   * @param kind the entry kind, or null when skipped
   * @param name the task or group name, or null when skipped
   * @param tags the tags it lists
   * @param outputType its {@code output_type} or ""
   * @param skipReason why the file was skipped, or null
   */
  public record FileRecord(Map<String, String> deps, EntryKind kind, String name, List<String> tags,
      String outputType, String skipReason) {
    public FileRecord {
      deps = Map.copyOf(deps);
      tags = List.copyOf(tags);
    }

    static FileRecord skipped(Map<String, String> deps, String reason) {
      return new FileRecord(deps, null, null, List.of(), "", reason);
    }

    boolean isCurrent(java.util.function.Function<String, String> stamps) {
      if (deps.isEmpty()) {
        return false;
      }
      for (Map.Entry<String, String> d : deps.entrySet()) {
        String now = stamps.apply(d.getKey());
        if (now == null || now.isEmpty() || !now.equals(d.getValue())) {
          return false;
        }
      }
      return true;
    }
  }

  /** The records saved for a source; empty when there are none or they cannot be read. */
  Map<String, FileRecord> read(TaskSource source) {
    if (!(source instanceof StampedTaskSource)) {
      return Map.of();
    }
    Path file = fileFor(source);
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
      if (in.readInt() != FORMAT || !in.readUTF().equals(source.id())) {
        return Map.of();
      }
      int n = in.readInt();
      Map<String, FileRecord> out = new LinkedHashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        String path = in.readUTF();
        int nd = in.readInt();
        Map<String, String> deps = new LinkedHashMap<>();
        for (int j = 0; j < nd; j++) {
          deps.put(in.readUTF(), in.readUTF());
        }
        int kind = in.readByte();
        String name = readNullable(in);
        int nt = in.readInt();
        List<String> tags = new ArrayList<>(nt);
        for (int j = 0; j < nt; j++) {
          tags.add(in.readUTF());
        }
        String outputType = in.readUTF();
        String skip = readNullable(in);
        out.put(path, new FileRecord(deps, kind < 0 ? null : EntryKind.values()[kind], name, tags, outputType, skip));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }

  /** Saves the records of a source (atomically replacing the old file). Failures are ignored. */
  void write(TaskSource source, Map<String, FileRecord> records) {
    if (!(source instanceof StampedTaskSource)) {
      return;
    }
    Path file = fileFor(source);
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "task-index", ".tmp");
      try (OutputStream raw = Files.newOutputStream(tmp);
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
        out.writeInt(FORMAT);
        out.writeUTF(source.id());
        out.writeInt(records.size());
        for (Map.Entry<String, FileRecord> e : records.entrySet()) {
          FileRecord r = e.getValue();
          out.writeUTF(e.getKey());
          out.writeInt(r.deps().size());
          for (Map.Entry<String, String> d : r.deps().entrySet()) {
            out.writeUTF(d.getKey());
            out.writeUTF(d.getValue());
          }
          out.writeByte(r.kind() == null ? -1 : r.kind().ordinal());
          writeNullable(out, r.name());
          out.writeInt(r.tags().size());
          for (String t : r.tags()) {
            out.writeUTF(t);
          }
          out.writeUTF(r.outputType());
          writeNullable(out, truncate(r.skipReason()));
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      System.getLogger(TaskIndexCache.class.getName()).log(System.Logger.Level.DEBUG,
          "cannot write the task index cache " + file + ": " + e);
    }
  }

  private Path fileFor(TaskSource source) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(source.id().getBytes(StandardCharsets.UTF_8));
      return dir.resolve("task-index-" + HexFormat.of().formatHex(h, 0, 12) + ".bin");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String truncate(String s) {
    return s == null || s.length() < 2000 ? s : s.substring(0, 2000);
  }

  private static void writeNullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
