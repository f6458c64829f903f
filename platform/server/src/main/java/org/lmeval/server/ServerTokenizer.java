package org.lmeval.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the server splits text into tokens. A
 * {@link org.lmeval.api.model.LanguageModel} scores text, not tokens, so the server asks it for each token's
 * log-probability given the text before it; any split works, and both built-ins are simple on purpose:
 *
 * <ul>
 *   <li>{@link VocabularyTokenizer}: the ids and pieces of a Hugging Face {@code tokenizer.json}, so that clients
 *       that tokenize with the model's own tokenizer ({@code tokenizer_backend=huggingface}) can send token ids;
 *   <li>{@link #characters()}: one token per Unicode code point, whose id is the code point;
 *   <li>{@link #words()}: a run of whitespace joined to the word after it ({@code " word"}, as GPT-2 splits), ids
 *       numbered in order of first appearance (stable for the server's lifetime).
 * </ul>
 *
 * Both know one special token, {@value #SPECIAL}, which is BOS and EOS at once (as in GPT-2) and stands for "the
 * start of the text": the model sees it as nothing.
 */
public abstract class ServerTokenizer {
  /** The special token: BOS and EOS. */
  public static final String SPECIAL = "<|endoftext|>";

  /** One token: its id, its text, whether it is the special token. */
  public record Token(int id, String text, boolean special) {}

  /** Splits {@code text}; the tokens' texts concatenate to it. */
  public final List<Token> encode(String text) {
    List<Token> out = new ArrayList<>();
    int from = 0;
    String special = specialText();
    while (true) {
      int at = text.indexOf(special, from);
      String part = text.substring(from, at < 0 ? text.length() : at);
      if (!part.isEmpty()) {
        split(part, out);
      }
      if (at < 0) {
        return out;
      }
      out.add(new Token(specialId(), special, true));
      from = at + special.length();
    }
  }

  /** The token of an id. */
  public abstract Token token(int id);

  /** The text of token ids, the special token written out. */
  public final String decode(List<Integer> ids) {
    StringBuilder sb = new StringBuilder();
    for (int id : ids) {
      sb.append(token(id).text());
    }
    return sb.toString();
  }

  /** The id of the special token ({@link #specialText()}). */
  public abstract int specialId();

  /** The text of the special token that stands for the start and end of a text; {@value #SPECIAL} by default. */
  public String specialText() {
    return SPECIAL;
  }

  /** The text of the beginning-of-sequence token; {@link #specialText()} by default. */
  public String bosText() {
    return specialText();
  }

  /** The bytes a token stands for in the model's text: its text in UTF-8 by default. */
  byte[] bytes(Token t) {
    return t.text().getBytes(StandardCharsets.UTF_8);
  }

  /** Whether decoding drops the leading space of the first (non-special) token, as SentencePiece does. */
  boolean stripsLeadingSpace() {
    return false;
  }

  /**
   * What each token adds to the text the model sees: special tokens nothing; a character split over several byte
   * tokens belongs to the last of them (the others add nothing); with {@link #stripsLeadingSpace()} the first
   * token loses its leading space. The pieces concatenate to the decoded text.
   */
  public final List<String> modelPieces(List<Token> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    boolean first = true;
    for (Token t : tokens) {
      if (t.special()) {
        out.add("");
        continue;
      }
      byte[] b = bytes(t);
      pending.write(b, 0, b.length);
      byte[] all = pending.toByteArray();
      int complete = completeLength(all);
      String piece = new String(all, 0, complete, StandardCharsets.UTF_8);
      pending.reset();
      pending.write(all, complete, all.length - complete);
      if (first && stripsLeadingSpace() && piece.startsWith(" ")) {
        piece = piece.substring(1);
      }
      first = false;
      out.add(piece);
    }
    if (pending.size() > 0 && !out.isEmpty()) {
      out.set(out.size() - 1, out.get(out.size() - 1) + pending.toString(StandardCharsets.UTF_8));
    }
    return out;
  }

  /** The model's text of {@code tokens}: their {@link #modelPieces} joined. */
  public final String modelText(List<Token> tokens) {
    return String.join("", modelPieces(tokens));
  }

  /** The length of the longest prefix of {@code b} that does not end inside a UTF-8 sequence. */
  static int completeLength(byte[] b) {
    int n = b.length;
    for (int back = 1; back <= Math.min(4, n); back++) {
      int lead = b[n - back] & 0xff;
      if ((lead & 0xC0) == 0x80) {
        continue;
      }
      int need = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 1;
      return back < need ? n - back : n;
    }
    return n;
  }

  /** "characters" or "words". */
  public abstract String name();

  abstract void split(String text, List<Token> out);

  /** {@link #characters()} or {@link #words()} by name, else a {@code tokenizer.json} file or its folder. */
  public static ServerTokenizer named(String nameOrPath) {
    return switch (nameOrPath) {
      case "characters" -> characters();
      case "words" -> words();
      default -> VocabularyTokenizer.load(java.nio.file.Path.of(nameOrPath));
    };
  }

  /** One token per code point; id = code point, {@value #SPECIAL} = 0x110000. */
  public static ServerTokenizer characters() {
    return new ServerTokenizer() {
      @Override
      void split(String text, List<Token> out) {
        text.codePoints().forEach(cp -> out.add(new Token(cp, new String(Character.toChars(cp)), false)));
      }

      @Override
      public Token token(int id) {
        if (id == specialId()) {
          return new Token(id, SPECIAL, true);
        }
        if (id < 0 || id > Character.MAX_CODE_POINT) {
          throw new IllegalArgumentException("unknown token id " + id);
        }
        return new Token(id, new String(Character.toChars(id)), false);
      }

      @Override
      public int specialId() {
        return Character.MAX_CODE_POINT + 1;
      }

      @Override
      public String name() {
        return "characters";
      }
    };
  }

  /** Whitespace joined to the following word; ids by first appearance, {@value #SPECIAL} = 0. */
  public static ServerTokenizer words() {
    return new ServerTokenizer() {
      private final Pattern piece = Pattern.compile("\\s*\\S+|\\s+");
      private final Map<String, Integer> ids = new ConcurrentHashMap<>();
      private final List<String> texts = new ArrayList<>(List.of(SPECIAL));

      @Override
      void split(String text, List<Token> out) {
        Matcher m = piece.matcher(text);
        while (m.find()) {
          String t = m.group();
          out.add(new Token(id(t), t, false));
        }
      }

      private int id(String t) {
        Integer id = ids.get(t);
        if (id != null) {
          return id;
        }
        synchronized (texts) {
          return ids.computeIfAbsent(t, k -> {
            texts.add(k);
            return texts.size() - 1;
          });
        }
      }

      @Override
      public Token token(int id) {
        synchronized (texts) {
          if (id < 0 || id >= texts.size()) {
            throw new IllegalArgumentException("unknown token id " + id);
          }
          return new Token(id, texts.get(id), id == 0);
        }
      }

      @Override
      public int specialId() {
        return 0;
      }

      @Override
      public String name() {
        return "words";
      }
    };
  }
}
