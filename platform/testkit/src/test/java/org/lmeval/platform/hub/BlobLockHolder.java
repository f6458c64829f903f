package org.lmeval.platform.hub;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Another process downloading a blob (for {@link HubDownloadTest}): takes the blob's lock file, says
 * {@code locked} on stdout, waits, "finishes" the download by copying {@code source} to the blob, and releases.
 * Arguments: lock file, blob, source, milliseconds to hold.
 */
public final class BlobLockHolder {
  private BlobLockHolder() {}

  public static void main(String[] args) throws Exception {
    Path lock = Path.of(args[0]);
    Files.createDirectories(lock.getParent());
    try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.lock();
      System.out.println("locked");
      System.out.flush();
      Thread.sleep(Long.parseLong(args[3]));
      Path blob = Path.of(args[1]);
      Files.createDirectories(blob.getParent());
      Files.copy(Path.of(args[2]), blob, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
