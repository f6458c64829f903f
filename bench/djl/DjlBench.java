import ai.djl.Model;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lmeval.api.Options;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.plugin.djl.DjlModelBackend;

/**
 * Tokens per second of loglikelihood scoring through the harness (DjlModelBackend -> LanguageModel) against
 * a bare loop that tokenises with DJL's HF tokenizer and calls the engine's block directly on the same
 * (context + continuation) rows, batch by batch, with the same log-softmax; plus model load times.
 *
 * <p>Usage: DjlBench MODEL_DIR ENGINE BATCH_SIZE REQUESTS
 */
public final class DjlBench {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String engine = args[1];
    int batch = Integer.parseInt(args[2]);
    int count = Integer.parseInt(args[3]);
    List<LoglikelihoodRequest> requests = requests(count);

    long t0 = System.nanoTime();
    LanguageModel lm = new DjlModelBackend().open(Options.of("model arg",
        Map.of("pretrained", dir.toString(), "engine", engine, "batch_size", batch)));
    double harnessLoad = (System.nanoTime() - t0) / 1e9;

    // Token rows as the harness builds them (whole = encode(ctx + cont); input = whole[:-1]).
    HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(dir.resolve("tokenizer.json"),
        Map.of("truncation", "false", "padding", "false"));
    List<long[]> rows = new ArrayList<>();
    List<long[]> wholes = new ArrayList<>();
    List<Integer> contLens = new ArrayList<>();
    long tokens = 0;
    for (LoglikelihoodRequest r : requests) {
      long[] ctx = tokenizer.encode(r.context()).getIds();
      long[] whole = tokenizer.encode(r.context() + r.continuation()).getIds();
      long[] input = java.util.Arrays.copyOf(whole, whole.length - 1);
      rows.add(input);
      wholes.add(whole);
      contLens.add(whole.length - ctx.length);
      tokens += input.length;
    }

    t0 = System.nanoTime();
    Model model = Model.newInstance("bench", engine);
    model.load(engine.equals("PyTorch") ? dir.resolve("model.pt") : dir.resolve("model.onnx"));
    double bareLoad = (System.nanoTime() - t0) / 1e9;
    boolean hasMask = engine.equals("PyTorch") || model.describeInput().keys().contains("attention_mask");
    boolean hasPositions = model.describeInput() != null && model.describeInput().keys().contains("position_ids");
    if (engine.equals("PyTorch")) {
      ai.djl.pytorch.jni.JniUtils.setGraphExecutorOptimize(false);
    }

    for (int warm = 0; warm < 2; warm++) {
      bare(model, rows, wholes, contLens, Math.min(batch, rows.size()), hasMask, hasPositions);
      lm.loglikelihood(requests.subList(0, Math.min(batch, requests.size())));
    }
    double bareBest = Double.MAX_VALUE;
    double harnessBest = Double.MAX_VALUE;
    double bareSum = 0;
    double harnessSum = 0;
    for (int rep = 0; rep < 3; rep++) {
      t0 = System.nanoTime();
      bareSum = bare(model, rows, wholes, contLens, batch, hasMask, hasPositions);
      bareBest = Math.min(bareBest, (System.nanoTime() - t0) / 1e9);
      t0 = System.nanoTime();
      List<LoglikelihoodResult> results = lm.loglikelihood(requests);
      harnessBest = Math.min(harnessBest, (System.nanoTime() - t0) / 1e9);
      harnessSum = results.stream().mapToDouble(LoglikelihoodResult::logprob).sum();
    }
    System.out.printf("%s %s batch=%d requests=%d input_tokens=%d%n", dir.getFileName(), engine, batch, count, tokens);
    System.out.printf("  load: harness open() %.3f s (tokenizer + model + probe), bare Model.load %.3f s%n",
        harnessLoad, bareLoad);
    System.out.printf("  harness: %.3f s  %.0f tokens/s   (sum logprob %.4f)%n", harnessBest, tokens / harnessBest,
        harnessSum);
    System.out.printf("  bare:    %.3f s  %.0f tokens/s   (sum logprob %.4f)%n", bareBest, tokens / bareBest, bareSum);
    lm.close();
    model.close();
    tokenizer.close();
  }

  /** Right-padded batches in request order, one forward each, log-softmax of the continuation positions. */
  static double bare(Model model, List<long[]> rows, List<long[]> wholes, List<Integer> contLens, int batch,
      boolean hasMask,
      boolean hasPositions) {
    double total = 0;
    for (int start = 0; start < rows.size(); start += batch) {
      int end = Math.min(rows.size(), start + batch);
      int seq = 0;
      for (int i = start; i < end; i++) {
        seq = Math.max(seq, rows.get(i).length);
      }
      int b = end - start;
      long[] ids = new long[b * seq];
      long[] mask = new long[b * seq];
      long[] pos = new long[b * seq];
      for (int i = 0; i < b; i++) {
        long[] row = rows.get(start + i);
        System.arraycopy(row, 0, ids, i * seq, row.length);
        for (int t = 0; t < seq; t++) {
          mask[i * seq + t] = t < row.length ? 1 : 0;
          pos[i * seq + t] = t;
        }
      }
      try (NDManager m = model.getNDManager().newSubManager()) {
        NDList in = new NDList();
        NDArray a = m.create(ids, new Shape(b, seq));
        a.setName("input_ids");
        in.add(a);
        if (hasMask) {
          NDArray am = m.create(mask, new Shape(b, seq));
          am.setName("attention_mask");
          in.add(am);
        }
        if (hasPositions) {
          NDArray p = m.create(pos, new Shape(b, seq));
          p.setName("position_ids");
          in.add(p);
        }
        NDList out = model.getBlock().forward(new ParameterStore(m, false), in, false);
        NDArray logits = out.stream().filter(x -> "logits".equals(x.getName())).findFirst().orElse(out.get(0));
        int vocab = (int) logits.getShape().get(2);
        FloatBuffer f = logits.toByteBuffer().asFloatBuffer();
        for (int i = 0; i < b; i++) {
          long[] row = rows.get(start + i);
          int cont = contLens.get(start + i);
          for (int k = 0; k < cont; k++) {
            int p = row.length - cont + k;
            int base = (i * seq + p) * vocab;
            long target = wholes.get(start + i)[p + 1];
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < vocab; v++) {
              max = Math.max(max, f.get(base + v));
            }
            double sum = 0;
            for (int v = 0; v < vocab; v++) {
              sum += Math.exp(f.get(base + v) - max);
            }
            total += f.get(base + (int) target) - max - Math.log(sum);
          }
        }
      }
    }
    return total;
  }

  static List<LoglikelihoodRequest> requests(int count) {
    String[] names = {"Lily", "Tom", "Sue", "Ben", "Max", "Anna", "Sam", "Mia"};
    String[] things = {"a red ball", "a big tree", "a little dog", "the park", "a blue car", "a shiny star"};
    String[] moods = {"happy", "sad", "tired", "excited", "scared"};
    List<LoglikelihoodRequest> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder ctx = new StringBuilder("Once upon a time, there was a little girl named ")
          .append(names[i % names.length]).append('.');
      ctx.append(" She was ").append(moods[(i / 8) % moods.length]).append('.');
      for (int s = 0; s < (i / 40) % 7; s++) {
        ctx.append(" She liked to play with ").append(things[(i + s) % things.length]).append('.');
      }
      ctx.append(" One day, ").append(names[(i + 3) % names.length]).append(" saw");
      out.add(new LoglikelihoodRequest(ctx.toString(), " " + things[i % things.length] + "."));
    }
    return out;
  }
}
