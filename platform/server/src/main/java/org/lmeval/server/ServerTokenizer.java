package org.lmeval.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the test server splits text into tokens when the model behind it has none of its own. A
 * {@link org.lmeval.api.model.LanguageModel} scores text, not tokens, so the server asks it for each token's
 * log-probability given the text before it; any split works, and both built-ins are simple on purpose:
 *
 * <ul>
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
    while (true) {
      int at = text.indexOf(SPECIAL, from);
      String part = text.substring(from, at < 0 ? text.length() : at);
      if (!part.isEmpty()) {
        split(part, out);
      }
      if (at < 0) {
        return out;
      }
      out.add(new Token(specialId(), SPECIAL, true));
      from = at + SPECIAL.length();
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

  /** The id of {@value #SPECIAL}. */
  public abstract int specialId();

  /** "characters" or "words". */
  public abstract String name();

  abstract void split(String text, List<Token> out);

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
