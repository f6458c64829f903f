package org.lmeval.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vocabulary of a Hugging Face {@code tokenizer.json}: token ids, as a client that tokenizes with the model's
 * own tokenizer sends them, read as the text they stand for. Two families are understood:
 *
 * <ul>
 *   <li>SentencePiece style (Llama, T5): {@code "▁"} is a space, {@code <0xNN>} pieces are raw bytes (byte
 *       fallback), and decoding drops the first token's leading space (a {@code Strip} or {@code Metaspace}
 *       decoder);
 *   <li>byte-level BPE (GPT-2 and its heirs, a {@code ByteLevel} decoder): each character of a piece stands for
 *       one byte.
 * </ul>
 *
 * <p>Reading ids is exact (the text is what the tokenizer's {@code decode} gives). Splitting text
 * ({@link #encode}, for string prompts and generated text) is a greedy longest match over the pieces' texts,
 * which need not be the tokenizer's own split: the model scores text, so any split gives the same sums;
 * characters no piece covers become the unknown token carrying that character's text.
 */
public final class VocabularyTokenizer extends ServerTokenizer {
  private static final Pattern BYTE_PIECE = Pattern.compile("<0x([0-9A-Fa-f]{2})>");

  private final String name;
  private final Token[] tokens;
  private final byte[][] bytes;
  private final Map<String, Integer> byText = new HashMap<>();
  private final int longest;
  private final int special;
  private final int bos;
  private final int unknown;
  private final boolean strip;

  private VocabularyTokenizer(String name, Token[] tokens, byte[][] bytes, int special, int bos, int unknown,
      boolean strip) {
    this.name = name;
    this.tokens = tokens;
    this.bytes = bytes;
    this.special = special;
    this.bos = bos;
    this.unknown = unknown;
    this.strip = strip;
    int max = 1;
    for (Token t : tokens) {
      if (t != null && !t.special() && !t.text().isEmpty() && isComplete(bytes[t.id()])) {
        byText.putIfAbsent(t.text(), t.id());
        max = Math.max(max, t.text().length());
      }
    }
    this.longest = max;
  }

  /**
   * Reads {@code tokenizer.json} (or the folder holding it, whose {@code tokenizer_config.json} names the BOS and
   * EOS tokens when present).
   *
   * @throws IllegalArgumentException when the file is missing or not a tokenizer this class understands
   */
  public static VocabularyTokenizer load(Path fileOrFolder) {
    Path file = Files.isDirectory(fileOrFolder) ? fileOrFolder.resolve("tokenizer.json") : fileOrFolder;
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("tokenizer not found: " + file
          + " (give a tokenizer.json, the folder holding it, or 'characters' or 'words')");
    }
    try {
      Map<String, Object> json = map(Json.parse(Files.readString(file)), file.toString());
      Map<String, Object> config = Map.of();
      Path configFile = file.resolveSibling("tokenizer_config.json");
      if (Files.isRegularFile(configFile)) {
        config = map(Json.parse(Files.readString(configFile)), configFile.toString());
      }
      return of(json, config, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** From the parsed {@code tokenizer.json} and {@code tokenizer_config.json} (empty map when absent). */
  static VocabularyTokenizer of(Map<String, Object> json, Map<String, Object> config, String name) {
    Map<String, Object> model = map(json.get("model"), name + ": model");
    Map<String, Integer> vocab = new HashMap<>();
    Object v = model.get("vocab");
    if (v instanceof Map<?, ?> m) {
      m.forEach((piece, id) -> vocab.put((String) piece, ((Number) id).intValue()));
    } else if (v instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        vocab.put((String) ((List<?>) list.get(i)).get(0), i);
      }
    } else {
      throw new IllegalArgumentException(name + ": model.vocab must be an object or a list");
    }
    Map<String, Boolean> specials = new HashMap<>();
    if (json.get("added_tokens") instanceof List<?> added) {
      for (Object o : added) {
        Map<String, Object> a = map(o, name + ": added_tokens");
        String content = (String) a.get("content");
        vocab.put(content, ((Number) a.get("id")).intValue());
        specials.put(content, Boolean.TRUE.equals(a.get("special")));
      }
    }
    String decoder = Json.write(json.get("decoder"));
    boolean byteLevel = decoder.contains("\"ByteLevel\"");
    boolean strip = !byteLevel && (decoder.contains("\"Strip\"") || decoder.contains("\"Metaspace\""));
    int size = vocab.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    Token[] tokens = new Token[size];
    byte[][] bytes = new byte[size][];
    Map<Integer, Integer> byteDecoder = byteLevel ? gpt2ByteDecoder() : Map.of();
    for (Map.Entry<String, Integer> e : vocab.entrySet()) {
      String piece = e.getKey();
      int id = e.getValue();
      boolean isSpecial = specials.getOrDefault(piece, false);
      byte[] b;
      if (isSpecial) {
        b = new byte[0];
      } else if (byteLevel) {
        b = new byte[piece.length()];
        for (int i = 0; i < piece.length(); i++) {
          Integer x = byteDecoder.get((int) piece.charAt(i));
          b[i] = (byte) (x == null ? '?' : x);
        }
      } else {
        Matcher bm = BYTE_PIECE.matcher(piece);
        b = bm.matches() ? new byte[] {(byte) Integer.parseInt(bm.group(1), 16)}
            : piece.replace('\u2581', ' ').getBytes(StandardCharsets.UTF_8);
      }
      String text = isSpecial || !isComplete(b) ? piece : new String(b, StandardCharsets.UTF_8);
      tokens[id] = new Token(id, text, isSpecial);
      bytes[id] = b;
    }
    int eos = idOf(vocab, specialName(config, "eos_token"), "</s>", "<|endoftext|>", "<|end_of_text|>", "<eos>");
    int bos = idOf(vocab, specialName(config, "bos_token"), "<s>", "<|begin_of_text|>", "<bos>");
    int unk = idOf(vocab, (String) model.get("unk_token"), "<unk>");
    if (eos < 0) {
      eos = specials.entrySet().stream().filter(Map.Entry::getValue).map(x -> vocab.get(x.getKey()))
          .min(Integer::compare).orElseThrow(() -> new IllegalArgumentException(name
              + ": no special token to stand for the end of text (need an eos_token in tokenizer_config.json)"));
    }
    return new VocabularyTokenizer(name, tokens, bytes, eos, bos < 0 ? eos : bos, unk < 0 ? eos : unk, strip);
  }

  @Override
  void split(String text, List<Token> out) {
    int i = 0;
    while (i < text.length()) {
      int end = Math.min(text.length(), i + longest);
      Integer found = null;
      for (; end > i; end--) {
        found = byText.get(text.substring(i, end));
        if (found != null) {
          break;
        }
      }
      if (found != null) {
        out.add(tokens[found]);
        i = end;
      } else {
        int next = text.offsetByCodePoints(i, 1);
        out.add(new Token(unknown, text.substring(i, next), false));
        i = next;
      }
    }
  }

  @Override
  public Token token(int id) {
    if (id < 0 || id >= tokens.length || tokens[id] == null) {
      throw new IllegalArgumentException("unknown token id " + id + " (the vocabulary has " + tokens.length
          + " ids)");
    }
    return tokens[id];
  }

  @Override
  public int specialId() {
    return special;
  }

  @Override
  public String specialText() {
    return tokens[special].text();
  }

  @Override
  public String bosText() {
    return tokens[bos].text();
  }

  @Override
  byte[] bytes(Token t) {
    if (t.special()) {
      return new byte[0];
    }
    Token known = t.id() >= 0 && t.id() < tokens.length ? tokens[t.id()] : null;
    return known != null && known.text().equals(t.text()) ? bytes[t.id()] : t.text().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  boolean stripsLeadingSpace() {
    return strip;
  }

  @Override
  public String name() {
    return "vocabulary " + name;
  }

  /** The number of ids. */
  public int size() {
    return tokens.length;
  }

  private static boolean isComplete(byte[] b) {
    if (completeLength(b) != b.length) {
      return false;
    }
    return b.length == 0 || (b[0] & 0xC0) != 0x80;
  }

  private static String specialName(Map<String, Object> config, String key) {
    Object o = config.get(key);
    if (o instanceof Map<?, ?> m) {
      o = m.get("content");
    }
    return o instanceof String s ? s : null;
  }

  private static int idOf(Map<String, Integer> vocab, String preferred, String... fallbacks) {
    if (preferred != null && vocab.containsKey(preferred)) {
      return vocab.get(preferred);
    }
    for (String f : fallbacks) {
      if (vocab.containsKey(f)) {
        return vocab.get(f);
      }
    }
    return -1;
  }

  /** GPT-2's bytes_to_unicode, inverted: the character standing for each byte. */
  private static Map<Integer, Integer> gpt2ByteDecoder() {
    Map<Integer, Integer> out = new HashMap<>();
    int n = 0;
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      if (printable) {
        out.put(b, b);
      } else {
        out.put(256 + n, b);
        n++;
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o, String where) {
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException(where + " is not a JSON object");
    }
    return (Map<String, Object>) o;
  }
}
