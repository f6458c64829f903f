"""Exports a Hugging Face Llama-style causal LM directory to ONNX with a key/value cache, in the layout of
Optimum / transformers.js decoder exports ("decoder_model_merged" without the use_cache_branch input):

  inputs  input_ids, attention_mask, position_ids               int64 [batch, seq] / [batch, past + seq]
          past_key_values.{i}.key, past_key_values.{i}.value    float32 [batch, kv_heads, past, head_dim]
  outputs logits                                                float32 [batch, seq, vocab]
          present.{i}.key, present.{i}.value                    float32 [batch, kv_heads, past + seq, head_dim]

attention_mask covers the cached slots and the new tokens; a 0 anywhere (left, right or in the middle) hides
that slot. A zero-length past runs the model from scratch.

Usage: python export_onnx_with_past.py HF_DIR OUT_DIR   (needs torch, transformers, onnx, onnxruntime)
Checks the export against the PyTorch model (full pass; prefill + one-token steps with holes in the mask).
"""
import shutil
import sys
from pathlib import Path

import numpy as np
import torch
from transformers import AutoModelForCausalLM
from transformers.cache_utils import DynamicCache


class WithPast(torch.nn.Module):
    def __init__(self, model, layers):
        super().__init__()
        self.model = model
        self.layers = layers

    def forward(self, input_ids, attention_mask, position_ids, *past):
        cache = DynamicCache()
        for i in range(self.layers):
            cache.update(past[2 * i], past[2 * i + 1], i)
        out = self.model(input_ids=input_ids, attention_mask=attention_mask, position_ids=position_ids,
                         past_key_values=cache, use_cache=True, return_dict=True)
        presents = []
        for i in range(self.layers):
            layer = out.past_key_values.layers[i]
            presents += [layer.keys, layer.values]
        return (out.logits, *presents)


def main(src, dst):
    src, dst = Path(src), Path(dst)
    model = AutoModelForCausalLM.from_pretrained(src, attn_implementation="eager", dtype=torch.float32).eval()
    cfg = model.config
    layers = cfg.num_hidden_layers
    kv_heads = getattr(cfg, "num_key_value_heads", cfg.num_attention_heads)
    head_dim = getattr(cfg, "head_dim", None) or cfg.hidden_size // cfg.num_attention_heads
    wrapper = WithPast(model, layers)
    batch, seq, past = 2, 3, 4
    ids = torch.randint(3, cfg.vocab_size, (batch, seq))
    mask = torch.ones(batch, past + seq, dtype=torch.int64)
    pos = torch.arange(past, past + seq).expand(batch, seq).contiguous()
    pasts = [torch.randn(batch, kv_heads, past, head_dim) for _ in range(2 * layers)]
    past_names = [f"past_key_values.{i}.{kind}" for i in range(layers) for kind in ("key", "value")]
    present_names = [f"present.{i}.{kind}" for i in range(layers) for kind in ("key", "value")]
    axes = {"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "total"},
            "position_ids": {0: "batch", 1: "seq"}, "logits": {0: "batch", 1: "seq"}}
    for n in past_names:
        axes[n] = {0: "batch", 2: "past"}
    for n in present_names:
        axes[n] = {0: "batch", 2: "total"}
    dst.mkdir(parents=True, exist_ok=True)
    with torch.no_grad():
        torch.onnx.export(wrapper, (ids, mask, pos, *pasts), str(dst / "model.onnx"), dynamo=False,
                          input_names=["input_ids", "attention_mask", "position_ids", *past_names],
                          output_names=["logits", *present_names], dynamic_axes=axes, opset_version=17)
    for name in ("config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json"):
        if (src / name).exists():
            shutil.copy(src / name, dst / name)
    check(model, dst / "model.onnx", layers, kv_heads, head_dim, cfg.vocab_size)


def check(model, path, layers, kv_heads, head_dim, vocab):
    import onnxruntime as ort
    session = ort.InferenceSession(str(path))
    rows = [[1, 403, 407, 261, 378, 432], [1, 403, 407]]
    seq = max(len(r) for r in rows)
    ids = np.array([r + [0] * (seq - len(r)) for r in rows], dtype=np.int64)
    mask = np.array([[1] * len(r) + [0] * (seq - len(r)) for r in rows], dtype=np.int64)
    pos = np.tile(np.arange(seq, dtype=np.int64), (len(rows), 1))
    empty = np.zeros((len(rows), kv_heads, 0, head_dim), dtype=np.float32)
    feed = {"input_ids": ids, "attention_mask": mask, "position_ids": pos}
    for i in range(layers):
        feed[f"past_key_values.{i}.key"] = empty
        feed[f"past_key_values.{i}.value"] = empty
    out = session.run(None, feed)
    with torch.no_grad():
        ref = model(input_ids=torch.tensor(ids), attention_mask=torch.tensor(mask)).logits.numpy()
    for r, row in enumerate(rows):
        assert np.abs(out[0][r, :len(row)] - ref[r, :len(row)]).max() < 1e-4
    # three greedy steps with the cache (holes after the shorter row) against full passes
    generated = [list(r) for r in rows]
    presents = out[1:]
    nxt = [int(out[0][r, len(row) - 1].argmax()) for r, row in enumerate(rows)]
    for step in range(3):
        for r in range(len(rows)):
            generated[r].append(nxt[r])
        mask = np.concatenate([mask, np.ones((len(rows), 1), dtype=np.int64)], axis=1)
        feed = {"input_ids": np.array([[t] for t in nxt], dtype=np.int64), "attention_mask": mask,
                "position_ids": np.array([[len(g) - 1] for g in generated], dtype=np.int64)}
        for i in range(layers):
            feed[f"past_key_values.{i}.key"] = presents[2 * i]
            feed[f"past_key_values.{i}.value"] = presents[2 * i + 1]
        out = session.run(None, feed)
        presents = out[1:]
        for r, g in enumerate(generated):
            with torch.no_grad():
                full = model(input_ids=torch.tensor([g])).logits.numpy()[0, -1]
            assert np.abs(out[0][r, 0] - full).max() < 1e-4, (step, r, np.abs(out[0][r, 0] - full).max())
        nxt = [int(out[0][r, 0].argmax()) for r in range(len(rows))]
    print("ok:", path, [i.name for i in session.get_inputs()][:5], "...")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
