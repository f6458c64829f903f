package org.lmeval.plugin.djl.hf;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/** Reading the small JSON files of a Hugging Face model directory. */
final class Json {
  private Json() {}

  /** The file's top-level object; an empty object when the file does not exist. */
  static JsonObject readObjectIfPresent(Path file) {
    if (!Files.isRegularFile(file)) {
      return new JsonObject();
    }
    return readObject(file);
  }

  static JsonObject readObject(Path file) {
    try {
      JsonElement element = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
      if (!element.isJsonObject()) {
        throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, file + " must hold a JSON object");
      }
      return element.getAsJsonObject();
    } catch (IOException e) {
      throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "cannot read " + file + ": " + e.getMessage(), e);
    } catch (JsonParseException e) {
      throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, file + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** An integer member (JSON numbers only); empty when absent or null. */
  static OptionalInt integer(JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull() || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      return OptionalInt.empty();
    }
    double d = e.getAsDouble();
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      return OptionalInt.empty();
    }
    return OptionalInt.of((int) d);
  }

  /** An integer or a list of integers (as {@code eos_token_id} may be). */
  static List<Integer> integers(JsonObject o, String key) {
    JsonElement e = o.get(key);
    List<Integer> out = new ArrayList<>();
    if (e == null || e.isJsonNull()) {
      return out;
    }
    if (e.isJsonArray()) {
      for (JsonElement item : e.getAsJsonArray()) {
        if (item.isJsonPrimitive() && item.getAsJsonPrimitive().isNumber()) {
          out.add(item.getAsInt());
        }
      }
    } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      out.add(e.getAsInt());
    }
    return out;
  }

  /** A string member, or the {@code content} of an AddedToken object (tokenizer_config's special tokens). */
  static Optional<String> tokenString(JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull()) {
      return Optional.empty();
    }
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
      return Optional.of(e.getAsString());
    }
    if (e.isJsonObject() && e.getAsJsonObject().has("content")) {
      return Optional.of(e.getAsJsonObject().get("content").getAsString());
    }
    return Optional.empty();
  }

  static Optional<Boolean> bool(JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
      return Optional.empty();
    }
    return Optional.of(e.getAsBoolean());
  }

  static Optional<JsonObject> object(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
  }
}
