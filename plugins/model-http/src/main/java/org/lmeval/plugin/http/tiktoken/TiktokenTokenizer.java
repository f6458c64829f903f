package org.lmeval.plugin.http.tiktoken;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.plugin.http.tokenizer.Tokenizer;

/**
 * A tiktoken encoding, as lm-eval's API models use it with {@code tokenizer_backend=tiktoken}:
 * {@code tiktoken.encoding_for_model(model)} picks it (exact model names first, then name prefixes; an unknown
 * model is an error, as tiktoken's {@code KeyError}); {@code encode(text)} ignores {@code add_special_tokens} and
 * refuses text that contains a special token's text (tiktoken's {@code disallowed_special="all"});
 * {@code decode_batch} replaces invalid UTF-8; there is no BOS token, and the EOS (and prefix) token is
 * {@code <|endoftext|>} ({@code eot_token}).
 */
public final class TiktokenTokenizer implements Tokenizer {
  /** The special token every encoding here has: tiktoken's {@code eot_token}. */
  public static final String END_OF_TEXT = "<|endoftext|>";

  /** tiktoken 0.14's {@code MODEL_TO_ENCODING}. */
  private static final Map<String, String> MODELS = new LinkedHashMap<>();
  /** tiktoken 0.14's {@code MODEL_PREFIX_TO_ENCODING}, in its order (the first matching prefix wins). */
  private static final Map<String, String> PREFIXES = new LinkedHashMap<>();

  static {
    for (String m : List.of("o1", "o3", "o4-mini", "gpt-5", "gpt-4.1", "gpt-4o")) {
      MODELS.put(m, "o200k_base");
    }
    for (String m : List.of("gpt-4", "gpt-3.5-turbo", "gpt-3.5", "gpt-35-turbo", "davinci-002", "babbage-002",
        "text-embedding-ada-002", "text-embedding-3-small", "text-embedding-3-large")) {
      MODELS.put(m, "cl100k_base");
    }
    for (String m : List.of("text-davinci-003", "text-davinci-002", "code-davinci-002", "code-davinci-001",
        "code-cushman-002", "code-cushman-001", "davinci-codex", "cushman-codex")) {
      MODELS.put(m, "p50k_base");
    }
    for (String m : List.of("text-davinci-001", "text-curie-001", "text-babbage-001", "text-ada-001", "davinci",
        "curie", "babbage", "ada", "text-similarity-davinci-001", "text-similarity-curie-001",
        "text-similarity-babbage-001", "text-similarity-ada-001", "text-search-davinci-doc-001",
        "text-search-curie-doc-001", "text-search-babbage-doc-001", "text-search-ada-doc-001",
        "code-search-babbage-code-001", "code-search-ada-code-001")) {
      MODELS.put(m, "r50k_base");
    }
    MODELS.put("text-davinci-edit-001", "p50k_edit");
    MODELS.put("code-davinci-edit-001", "p50k_edit");
    MODELS.put("gpt2", "gpt2");
    MODELS.put("gpt-2", "gpt2");

    for (String p : List.of("o1-", "o3-", "o4-mini-", "gpt-5", "gpt-4.5-", "gpt-4.1-", "chatgpt-4o-", "gpt-4o-")) {
      PREFIXES.put(p, "o200k_base");
    }
    PREFIXES.put("gpt-4-", "cl100k_base");
    PREFIXES.put("gpt-3.5-turbo-", "cl100k_base");
    PREFIXES.put("gpt-35-turbo-", "cl100k_base");
    PREFIXES.put("gpt-oss-", "o200k_harmony");
    PREFIXES.put("ft:gpt-4o", "o200k_base");
    PREFIXES.put("ft:gpt-4", "cl100k_base");
    PREFIXES.put("ft:gpt-3.5-turbo", "cl100k_base");
    PREFIXES.put("ft:davinci-002", "cl100k_base");
    PREFIXES.put("ft:babbage-002", "cl100k_base");
  }

  private static volatile EncodingRegistry registry;

  private final String model;
  private final String encodingName;
  private final Encoding encoding;
  private final int endOfText;

  private TiktokenTokenizer(String model, String encodingName, Encoding encoding, int endOfText) {
    this.model = model;
    this.encodingName = encodingName;
    this.encoding = encoding;
    this.endOfText = endOfText;
  }

  /**
   * tiktoken's {@code encoding_for_model(model)}.
   *
   * @throws EvalException {@code INVALID_ARGUMENT} when tiktoken maps no encoding to the model, or maps one that
   *     is not available here ({@code o200k_harmony})
   */
  public static TiktokenTokenizer forModel(String model) {
    String name = encodingName(model);
    EncodingType type = switch (name) {
      case "o200k_base" -> EncodingType.O200K_BASE;
      case "cl100k_base" -> EncodingType.CL100K_BASE;
      case "p50k_base" -> EncodingType.P50K_BASE;
      case "p50k_edit" -> EncodingType.P50K_EDIT;
      case "r50k_base", "gpt2" -> EncodingType.R50K_BASE; // gpt2 has r50k_base's ranks and special token
      default -> throw new EvalException(ErrorCode.INVALID_ARGUMENT, "tokenizer_backend=tiktoken: model '" + model
          + "' uses the tiktoken encoding " + name + ", which is not available in lm-eval-java (available: "
          + "o200k_base, cl100k_base, p50k_base, p50k_edit, r50k_base, gpt2); give tokenizer_backend=huggingface "
          + "with model arg tokenizer");
    };
    int eot = switch (type) {
      case O200K_BASE -> 199999;
      case CL100K_BASE -> 100257;
      default -> 50256;
    };
    return new TiktokenTokenizer(model, name, registry().getEncoding(type), eot);
  }

  /**
   * tiktoken's {@code encoding_name_for_model}: the exact name, else the first matching prefix.
   *
   * @throws EvalException {@code INVALID_ARGUMENT} for a model tiktoken does not know (its {@code KeyError})
   */
  public static String encodingName(String model) {
    if (model == null || model.isEmpty()) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "tokenizer_backend=tiktoken needs model arg model (the "
          + "encoding is chosen by model name, as tiktoken.encoding_for_model does)");
    }
    String exact = MODELS.get(model);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, String> p : PREFIXES.entrySet()) {
      if (model.startsWith(p.getKey())) {
        return p.getValue();
      }
    }
    throw new EvalException(ErrorCode.INVALID_ARGUMENT, "tokenizer_backend=tiktoken: tiktoken maps no encoding to "
        + "model '" + model + "' (lm-eval fails the same way); known models: " + String.join(", ", MODELS.keySet())
        + ", and names starting with " + String.join(", ", PREFIXES.keySet()) + "; for another model give "
        + "tokenizer_backend=huggingface with model arg tokenizer");
  }

  private static EncodingRegistry registry() {
    EncodingRegistry r = registry;
    if (r == null) {
      synchronized (TiktokenTokenizer.class) {
        r = registry;
        if (r == null) {
          r = Encodings.newLazyEncodingRegistry();
          registry = r;
        }
      }
    }
    return r;
  }

  /** The encoding's tiktoken name (gpt2, r50k_base, p50k_base, p50k_edit, cl100k_base, o200k_base). */
  public String encodingName() {
    return encodingName;
  }

  @Override
  public List<int[]> encode(List<String> texts, boolean addSpecialTokens) {
    List<int[]> out = new ArrayList<>(texts.size());
    for (String text : texts) {
      try {
        out.add(encoding.encode(text).toArray());
      } catch (UnsupportedOperationException special) {
        throw new EvalException(ErrorCode.BACKEND_FAILURE, description() + ": the text '" + abbreviate(text)
            + "' contains a special token's text (such as " + END_OF_TEXT + "), which tiktoken refuses to encode");
      }
    }
    return out;
  }

  @Override
  public List<String> decode(List<int[]> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    for (int[] ids : tokens) {
      IntArrayList list = new IntArrayList(ids.length);
      for (int id : ids) {
        list.add(id);
      }
      out.add(encoding.decode(list));
    }
    return out;
  }

  @Override
  public OptionalInt bosTokenId() {
    return OptionalInt.empty();
  }

  @Override
  public OptionalInt eosTokenId() {
    return OptionalInt.of(endOfText);
  }

  @Override
  public Optional<String> eosToken() {
    return Optional.of(END_OF_TEXT);
  }

  @Override
  public String description() {
    return "tiktoken encoding " + encodingName + " (model " + model + ")";
  }

  private static String abbreviate(String s) {
    String one = s.replace("\n", "\\n");
    return one.length() > 60 ? one.substring(0, 60) + "..." : one;
  }
}
