package org.lmeval.platform.task;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.UnicodeReader;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses one task YAML file the way lm-eval's loader does: YAML 1.1 safe types (PyYAML's implicit
 * resolvers: {@code yes/no/on/off} are booleans, a float needs a dot) plus the {@code !function} tag,
 * which becomes an unresolved {@link FunctionRef}. Records the line of every top-level key.
 */
final class TaskYamlParser {
  /** PyYAML's float resolver: unlike SnakeYAML's, it requires a dot and a signed exponent. */
  private static final Pattern PY_FLOAT = Pattern.compile(
      "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
          + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
          + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
          + "|[-+]?\\.(?:inf|Inf|INF)"
          + "|\\.(?:nan|NaN|NAN))$");

  /** SnakeYAML warns on duplicate keys; PyYAML silently keeps the last one, as we do. */
  private static final java.util.logging.Logger SNAKEYAML_LOG = java.util.logging.Logger.getLogger(
      FunctionConstructor.class.getName());

  static {
    SNAKEYAML_LOG.setLevel(java.util.logging.Level.SEVERE);
    // PyYAML accepts the YAML 1.2 escape "\/" in double-quoted scalars (used by lm-eval task files).
    try {
      org.yaml.snakeyaml.scanner.ScannerImpl.ESCAPE_REPLACEMENTS.putIfAbsent('/', "/");
    } catch (UnsupportedOperationException e) {
      // an immutable table: such files then fail to parse, with the position in the message
    }
  }

  private TaskYamlParser() {}

  /** One parsed file: its top-level mapping and the 1-based line of each top-level key. */
  record Parsed(Map<String, Object> data, Map<String, Integer> keyLines) {}

  /**
   * @param bytes the file's content
   * @param display the file as shown in messages
   * @param folderSegments the folder names that hold the file (for {@code !function} dotted names)
   */
  static Parsed parse(byte[] bytes, String display, List<String> folderSegments) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(1000);
    FunctionConstructor constructor = new FunctionConstructor(options, display, folderSegments);
    DumperOptions dumper = new DumperOptions();
    Yaml yaml = new Yaml(constructor, new Representer(dumper), dumper, options, new PyYamlResolver());
    Node root;
    try {
      root = yaml.compose(new UnicodeReader(new ByteArrayInputStream(bytes)));
    } catch (MarkedYAMLException e) {
      throw new EvalException(ErrorCode.INVALID_TASK, "YAML syntax error in " + at(display, e.getProblemMark())
          + ": " + e.getProblem(), e);
    } catch (YAMLException e) {
      throw new EvalException(ErrorCode.INVALID_TASK, "cannot parse YAML " + display + ": " + e.getMessage(), e);
    }
    if (!(root instanceof MappingNode mapping)) {
      throw new EvalException(ErrorCode.INVALID_TASK, "expected a YAML mapping at the top of " + display + ", got "
          + (root == null ? "an empty document" : "a " + root.getNodeId()));
    }
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (NodeTuple t : mapping.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode key) {
        lines.put(key.getValue(), key.getStartMark().getLine() + 1);
      }
    }
    Object data;
    try {
      data = constructor.build(root);
    } catch (MarkedYAMLException e) {
      throw new EvalException(ErrorCode.INVALID_TASK, "invalid YAML in " + at(display, e.getProblemMark())
          + ": " + e.getProblem(), e);
    } catch (YAMLException e) {
      throw new EvalException(ErrorCode.INVALID_TASK, "invalid YAML in " + display + ": " + e.getMessage(), e);
    }
    Map<String, Object> map = new LinkedHashMap<>();
    ((Map<?, ?>) data).forEach((k, v) -> map.put(String.valueOf(k), v));
    return new Parsed(Collections.unmodifiableMap(map), Collections.unmodifiableMap(lines));
  }

  private static String at(String display, Mark mark) {
    return mark == null ? display : display + ":" + (mark.getLine() + 1);
  }

  /** The dotted names a {@code !function spec} may mean, most specific first. */
  static List<String> candidates(String spec, List<String> folderSegments) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < folderSegments.size(); i++) {
      out.add(String.join(".", folderSegments.subList(i, folderSegments.size())) + "." + spec);
    }
    out.add(spec);
    return out;
  }

  private static final class FunctionConstructor extends SafeConstructor {
    FunctionConstructor(LoaderOptions options, String display, List<String> folderSegments) {
      super(options);
      this.yamlConstructors.put(new Tag("!function"), new AbstractConstruct() {
        @Override
        public Object construct(Node node) {
          String spec = node instanceof ScalarNode s ? s.getValue().trim() : String.valueOf(node);
          return new FunctionRef(spec, candidates(spec, folderSegments),
              new Location(display, node.getStartMark().getLine() + 1));
        }
      });
    }

    Object build(Node node) {
      return constructDocument(node);
    }
  }

  /** PyYAML's implicit resolvers (YAML 1.1), with PyYAML's stricter float pattern. */
  private static final class PyYamlResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, PY_FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
      addImplicitResolver(Tag.TIMESTAMP, TIMESTAMP, "0123456789");
    }
  }
}
