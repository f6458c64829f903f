package org.lmeval.platform.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The {@code huggingface_hub} cache layout for one repo, shared with Python:
 * {@code models--<ns>--<name>/} (or {@code datasets--...}) with {@code refs/<revision>} (the commit), {@code blobs/<etag>},
 * {@code snapshots/<commit>/<path>} (relative symlinks to blobs; regular files are accepted) and
 * {@code trees/<commit>.json} (the listing). The repo card (README front matter as the API returns it) of a
 * commit is kept in our own {@code lmeval-cards/<commit>.json}, which Python ignores. Writes go to unique
 * temporary names and are renamed atomically.
 */
public final class HubCache {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ETAG = Pattern.compile("(?!\\.+$)[A-Za-z0-9_.-]+");
  private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();
  private final Path root;
  private final Path repoDir;

  public HubCache(Path cacheDir, RepoType type, String repo) {
    this.root = cacheDir;
    this.repoDir = cacheDir.resolve(type.cacheFolder(repo));
  }

  public Path repoDir() {
    return repoDir;
  }

  /** {@code snapshots/<commit>}. */
  public Path snapshotDir(String commit) {
    return repoDir.resolve("snapshots").resolve(commit);
  }

  /** The commit {@code revision} names: itself when it is a commit hash, else {@code refs/<revision>}. */
  public Optional<String> commit(String revision) {
    if (revision.matches("[0-9a-f]{40}")) {
      return Optional.of(revision);
    }
    Path ref = safe(repoDir.resolve("refs"), revision);
    try {
      return Files.isRegularFile(ref) ? Optional.of(Files.readString(ref).strip()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public void writeRef(String revision, String commit) {
    if (revision.equals(commit)) {
      return;
    }
    if (commit(revision).filter(commit::equals).isPresent()) {
      return;
    }
    atomicWrite(safe(repoDir.resolve("refs"), revision), commit.getBytes(StandardCharsets.UTF_8));
  }

  /** The cached listing of {@code commit}, as {@code huggingface_hub} ≥ 1.22 writes it. */
  public Optional<List<HubClient.Entry>> tree(String commit) {
    Path f = repoDir.resolve("trees").resolve(commit + ".json");
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      JsonNode files = JSON.readTree(f.toFile()).path("files");
      List<HubClient.Entry> out = new ArrayList<>();
      files.fields().forEachRemaining(e -> {
        JsonNode v = e.getValue();
        out.add(new HubClient.Entry(e.getKey(), v.path("size").asLong(-1), v.path("blob_id").asText(null),
            v.path("lfs_sha256").asText(null), v.path("lfs_size").asLong(-1), v.path("xet_hash").asText(null)));
      });
      return Optional.of(out);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes the listing of {@code commit} in {@code huggingface_hub}'s format ({@code format_version} 1; per file
   * {@code size}, {@code blob_id}, and {@code lfs_sha256}/{@code lfs_size}/{@code xet_hash} when known), sorted
   * by path. (A server that sends no {@code oid} gives entries without {@code blob_id}: we still need the
   * listing offline; Python ignores such a file with a warning and lists again.)
   */
  public void writeTree(String commit, List<HubClient.Entry> entries) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("format_version", 1);
    ObjectNode files = doc.putObject("files");
    for (HubClient.Entry e : entries.stream().sorted(java.util.Comparator.comparing(HubClient.Entry::path)).toList()) {
      ObjectNode f = files.putObject(e.path());
      f.put("size", e.size());
      if (e.blobId() != null) {
        f.put("blob_id", e.blobId());
      }
      if (e.lfsSha256() != null) {
        f.put("lfs_sha256", e.lfsSha256());
        f.put("lfs_size", e.lfsSize());
      }
      if (e.xetHash() != null) {
        f.put("xet_hash", e.xetHash());
      }
    }
    atomicWrite(repoDir.resolve("trees").resolve(commit + ".json"), bytes(doc));
  }

  public Optional<JsonNode> card(String commit) {
    Path f = repoDir.resolve("lmeval-cards").resolve(commit + ".json");
    try {
      return Files.isRegularFile(f) ? Optional.of(JSON.readTree(f.toFile())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public void writeCard(String commit, JsonNode cardData) {
    atomicWrite(repoDir.resolve("lmeval-cards").resolve(commit + ".json"), bytes(cardData));
  }

  /** {@code snapshots/<commit>/<path>} if it is there (a dangling link counts as absent). */
  public Optional<Path> snapshot(String commit, String path) {
    Path p = safe(repoDir.resolve("snapshots").resolve(commit), path);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /**
   * Fetches a file into the cache unless it is there: {@code open} asks the Hub for it (its etag names the blob),
   * the bytes go to {@code blobs/<etag>.incomplete} (resumed when an earlier download left it), which is
   * renamed into {@code blobs/<etag>} and linked from the snapshot; a blob already cached under that etag is
   * linked without downloading. Within this JVM one thread at a time fetches a given snapshot file or blob (the
   * others wait, then find it cached), and across our processes one at a time writes a blob (a file lock in
   * {@code .locks/}). {@code onBytes} hears of the bytes as they arrive (or of the blob's size
   * when it was cached). Without a usable etag the blob is named by its sha256.
   */
  public Path store(String commit, String path, Supplier<HubClient.Transfer> open, LongConsumer onBytes) {
    Path snap = safe(repoDir.resolve("snapshots").resolve(commit), path);
    synchronized (lock(snap)) {
      try {
        if (Files.isRegularFile(snap)) { // another thread fetched it meanwhile
          onBytes.accept(Files.size(snap));
          return snap;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try (HubClient.Transfer transfer = open.get()) {
        Path blobs = Files.createDirectories(repoDir.resolve("blobs"));
        writeCacheDirTag();
        String etag = transfer.etag();
        Path blob;
        if (etag != null && ETAG.matcher(etag).matches()) {
          blob = blobs.resolve(etag);
          synchronized (lock(blob)) {
            try (ProcessLock held = processLock(etag)) {
              if (Files.isRegularFile(blob)) {
                onBytes.accept(Files.size(blob));
              } else {
                Path partial = blobs.resolve(etag + ".incomplete");
                transfer.writeTo(partial, onBytes); // a failed transfer leaves it for the next attempt to resume
                move(partial, blob);
              }
            }
          }
        } else {
          Path tmp = blobs.resolve("download." + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt())
              + ".incomplete");
          try {
            transfer.writeTo(tmp, onBytes);
            blob = blobs.resolve(sha256(tmp));
            synchronized (lock(blob)) {
              if (!Files.exists(blob)) {
                move(tmp, blob);
              }
            }
          } finally {
            Files.deleteIfExists(tmp);
          }
        }
        link(snap, blob);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return snap;
    }
  }

  private static void link(Path snap, Path blob) throws IOException {
    Files.createDirectories(snap.getParent());
    try {
      Files.createSymbolicLink(snap, snap.getParent().relativize(blob));
    } catch (FileAlreadyExistsException e) {
      if (!Files.isRegularFile(snap)) { // a dangling link: its blob was removed
        Files.delete(snap);
        Files.createSymbolicLink(snap, snap.getParent().relativize(blob));
      }
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(blob, snap, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Waits for, and takes, the lock other processes of ours take on blob {@code etag}:
   * {@code .locks/<repo folder>/<etag>.lock} under the cache root (where {@code huggingface_hub} keeps its own
   * locks; its {@code flock} and the JVM's {@code fcntl} locks do not see each other on Linux). Null when the
   * lock file cannot be made (a read-only cache: then nothing can be downloaded into it either).
   */
  private ProcessLock processLock(String etag) {
    Path file = root.resolve(".locks").resolve(repoDir.getFileName().toString()).resolve(etag + ".lock");
    FileChannel channel = null;
    try {
      Files.createDirectories(file.getParent());
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      channel.lock();
      return new ProcessLock(channel);
    } catch (IOException e) {
      closeQuietly(channel);
      return null;
    }
  }

  /** A held {@link #processLock}; closing its channel releases it. */
  private record ProcessLock(FileChannel channel) implements AutoCloseable {
    @Override
    public void close() {
      closeQuietly(channel);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing to release
      }
    }
  }

  /** The JVM-wide monitor for {@code file}. */
  private static Object lock(Path file) {
    return LOCKS.computeIfAbsent(file.toAbsolutePath().normalize().toString(), k -> new Object());
  }

  private void writeCacheDirTag() {
    Path tag = root.resolve("CACHEDIR.TAG");
    if (!Files.exists(tag)) {
      atomicWrite(tag, ("Signature: 8a477f597d28d172789f06886806bc55\n"
          + "# This file is a cache directory tag created by huggingface_hub-compatible clients.\n")
          .getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String sha256(Path f) throws IOException {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      try (java.io.InputStream in = Files.newInputStream(f)) {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) >= 0; ) {
          md.update(buf, 0, n);
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void atomicWrite(Path target, byte[] content) {
    try {
      Files.createDirectories(target.getParent());
      Path tmp = target.resolveSibling(target.getFileName() + "."
          + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ".tmp");
      Files.write(tmp, content);
      move(tmp, target);
    } catch (IOException e) {
      // best effort: the cache may be read-only; the data was still read
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static byte[] bytes(JsonNode n) {
    try {
      return JSON.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code base/relative}, refusing absolute paths and {@code ..} segments. */
  public static Path safe(Path base, String relative) {
    if (relative.startsWith("/") || relative.startsWith("\\") || relative.matches("^[A-Za-z]:.*")
        || List.of(relative.split("[/\\\\]")).contains("..")) {
      throw new IllegalArgumentException("unsafe repo path '" + relative + "'");
    }
    return base.resolve(relative);
  }
}
