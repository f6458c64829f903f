package org.lmeval.api.model;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * Files of Hugging Face Hub model repos, as {@code huggingface_hub.snapshot_download} gives them: the kernel
 * resolves the revision to a commit, downloads the matching files once into the shared hub cache and answers
 * the snapshot folder ({@code models--<org>--<name>/snapshots/<commit>}). Endpoint, token, offline mode and
 * cache folder are the run's (the CLI reads {@code HF_ENDPOINT}, {@code HF_TOKEN}, {@code HF_HUB_OFFLINE},
 * {@code HF_HUB_CACHE}); a backend only names what it needs. Failures are {@link EvalException}s naming the
 * repo, the revision and what to do.
 */
@FunctionalInterface
public interface HubSnapshots {
  /**
   * The local snapshot folder of {@code repoId} at {@code revision}, holding every file of that commit that
   * matches one of {@code allowPatterns} (the rest of the repo is not fetched).
   *
   * @param repoId {@code org/name} (or a legacy id without namespace, e.g. {@code gpt2})
   * @param revision a branch, tag or commit; null means {@code main}
   * @param allowPatterns globs over repo paths as {@code huggingface_hub}'s {@code allow_patterns}
   *     ({@link #matches}); empty fetches nothing but still pins the revision
   */
  Path snapshot(String repoId, String revision, List<String> allowPatterns);

  /** A Hub that is not available (a context built without one): every call fails with {@code why}. */
  static HubSnapshots unavailable(String why) {
    return (repoId, revision, patterns) -> {
      throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "cannot fetch '" + repoId + "' from the Hugging Face"
          + " Hub: " + why + "; give a local model directory instead");
    };
  }

  /** The shape of a Hub repo id: {@code name} or {@code namespace/name} of letters, digits, {@code - _ .}. */
  Pattern REPO_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}(/[A-Za-z0-9][A-Za-z0-9._-]{0,95})?");

  /** Whether {@code value} has the shape of a repo id ({@link #REPO_ID}, no {@code --} or {@code ..}). */
  static boolean isRepoId(String value) {
    return value != null && REPO_ID.matcher(value).matches() && !value.contains("--") && !value.contains("..")
        && !value.endsWith(".");
  }

  /**
   * Whether repo path {@code path} matches {@code glob}, as Python's {@code fnmatch} (what
   * {@code huggingface_hub} uses): {@code *} matches any run of characters including {@code /}, {@code ?} one
   * character, {@code [seq]} / {@code [!seq]} a class; case-sensitive. A glob ending in {@code /} matches
   * everything under that folder.
   */
  static boolean matches(String glob, String path) {
    String g = glob.endsWith("/") ? glob + "*" : glob;
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      if (c == '*') {
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else if (c == '[') {
        int j = i + 1;
        if (j < g.length() && g.charAt(j) == '!') {
          j++;
        }
        if (j < g.length() && g.charAt(j) == ']') {
          j++;
        }
        while (j < g.length() && g.charAt(j) != ']') {
          j++;
        }
        if (j >= g.length()) {
          re.append("\\[");
        } else {
          String body = g.substring(i + 1, j).replace("\\", "\\\\");
          if (body.startsWith("!")) {
            body = "^" + body.substring(1);
          } else if (body.startsWith("^")) {
            body = "\\" + body;
          }
          re.append('[').append(body).append(']');
          i = j;
        }
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(path).matches();
  }
}
