package org.lmeval.platform.template;

import com.hubspot.jinjava.tree.TagNode;
import java.util.List;

/**
 * A template as Jinja2 compiles it, handed to Jinjava in canonical form: text without delimiters,
 * and {@code {{ __jx7 }}} / {@code {% tag __jx7 %}} references to the expressions and statements
 * already parsed here (so Jinjava's own tokenizer never reads Jinja2 expression syntax).
 */
final class CompiledTemplate {
  static final String REF = "__jx";

  private final String jinjavaSource;
  private final List<Object> parts;

  CompiledTemplate(String jinjavaSource, List<Object> parts) {
    this.jinjavaSource = jinjavaSource;
    this.parts = parts;
  }

  /** The canonical template Jinjava renders. */
  String jinjavaSource() {
    return jinjavaSource;
  }

  static String ref(int index) {
    return REF + index;
  }

  /** The expression or statement a reference ({@code __jx7}, with optional spaces) stands for. */
  Object part(String reference) {
    String r = reference.strip();
    if (!r.startsWith(REF)) {
      throw new IllegalStateException("not a compiled-template reference: " + reference);
    }
    return parts.get(Integer.parseInt(r.substring(REF.length())));
  }

  /** The statement of a tag node of this template. */
  @SuppressWarnings("unchecked")
  <T> T statement(TagNode node) {
    return (T) part(node.getHelpers());
  }
}
