package org.lmeval.plugin.djl.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesFingerprintTest {
  @TempDir
  Path tmp;

  private Path modelDir(String name, String weights) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(dir.resolve("tokenizer.json"), "{\"model\": {\"type\": \"BPE\"}}");
    Files.writeString(dir.resolve("config.json"), "{\"max_position_embeddings\": 512}");
    Files.writeString(dir.resolve("model.onnx"), weights);
    return dir;
  }

  @Test
  void identicalCopiesShareAFingerprintAndAnyChangedByteChangesIt() throws Exception {
    Path a = modelDir("a", "weights-v1");
    Path b = modelDir("b", "weights-v1");
    Path c = modelDir("c", "weights-v2");
    String ha = ModelFiles.read(a, a).contentHash();
    assertEquals(64, ha.length());
    assertEquals(ha, ModelFiles.read(b, b).contentHash(), "the same files at another path");
    assertNotEquals(ha, ModelFiles.read(c, c).contentHash(), "other weights");
    Files.writeString(b.resolve("tokenizer.json"), "{\"model\": {\"type\": \"WordPiece\"}}");
    assertNotEquals(ha, ModelFiles.read(b, b).contentHash(), "another tokenizer");
  }
}
