"""Regenerates the Parquet golden fixtures of plugins/datasets-local (ParquetGoldenTest).

Each fixture is a .parquet file written by Hugging Face `datasets` (Dataset.to_parquet) or by pyarrow
directly with non-default options, plus <name>.json: pyarrow's to_pylist() of the same file, which is what
HF datasets hands lm-eval. Run with the lm-eval 0.4.13 environment (datasets + pyarrow installed):

    python tools/datasets/gen_parquet_fixtures.py [shared_dir]
"""
import json
import os
import sys

import datasets
import pyarrow as pa
import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "plugins", "datasets-local", "src", "test", "resources", "parquet")
SHARED = sys.argv[1] if len(sys.argv) > 1 else "/work/shared"


def expected(name):
    rows = pq.read_table(os.path.join(OUT, name + ".parquet")).to_pylist()
    with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(rows, f, ensure_ascii=False, allow_nan=False)
        f.write("\n")


def kitchen_sink():
    features = datasets.Features({
        "s": datasets.Value("string"),
        "i8": datasets.Value("int8"),
        "i32": datasets.Value("int32"),
        "i64": datasets.Value("int64"),
        "f32": datasets.Value("float32"),
        "f64": datasets.Value("float64"),
        "b": datasets.Value("bool"),
        "label": datasets.ClassLabel(names=["no", "yes"]),
        "tags": datasets.List(datasets.Value("string")),
        "grid": datasets.List(datasets.List(datasets.Value("int64"))),
        "kwargs": datasets.List({"num": datasets.Value("int64"), "word": datasets.Value("string")}),
        "choices": {"text": datasets.List(datasets.Value("string")), "label": datasets.List(datasets.Value("string"))},
        "nested": {"inner": {"t": datasets.Value("string"), "x": datasets.Value("float64")}},
        "nothing": datasets.Value("null"),
    })
    rows = []
    for i in range(120):
        rows.append({
            "s": ["plain", "héllo 🌍", "中文 RTL עברית", "line\u2028sep", "nul\u0000char", "e\u0301"][i % 6] if i % 7 else None,
            "i8": [-128, 127, 0][i % 3],
            "i32": [-2**31, 2**31 - 1, i][i % 3],
            "i64": [-2**63, 2**63 - 1, i * 1000003][i % 3] if i % 5 else None,
            "f32": [0.1, -2.5, 1e-30][i % 3],
            "f64": [0.1, -2.5e-300, 1.0 / 3][i % 3],
            "b": [True, False, None][i % 3],
            "label": i % 2,
            "tags": [[], None, ["a", None, "c"], ["x"]][i % 4],
            "grid": [[[1, 2], [], None], None, []][i % 3],
            "kwargs": [[{"num": 1, "word": None}, None, {"num": None, "word": "w"}], []][i % 2],
            "choices": {"text": ["A1", "B1", "C"], "label": ["A", "B", "C"]} if i % 4 else None,
            "nested": {"inner": {"t": "deep", "x": 1.5} if i % 2 else None},
            "nothing": None,
        })
    return datasets.Dataset.from_list(rows, features=features)


def main():
    os.makedirs(OUT, exist_ok=True)
    arc = datasets.load_dataset("json", data_files={"validation": os.path.join(
        SHARED, "datasets/hf/allenai/ai2_arc/ARC-Easy/validation.jsonl")}, split="validation")
    arc.to_parquet(os.path.join(OUT, "hf_arc_easy_validation.parquet"))
    expected("hf_arc_easy_validation")
    sink = kitchen_sink()
    sink.to_parquet(os.path.join(OUT, "hf_kitchen_sink.parquet"))
    expected("hf_kitchen_sink")
    table = sink.data.table
    variants = {
        "pa_zstd_v2_pages": dict(compression="zstd", data_page_version="2.0", row_group_size=50),
        "pa_gzip_no_dictionary": dict(compression="gzip", use_dictionary=False, row_group_size=70),
        "pa_delta_encodings": dict(compression="none", use_dictionary=False, column_encoding={
            "i32": "DELTA_BINARY_PACKED", "i64": "DELTA_BINARY_PACKED", "s": "DELTA_BYTE_ARRAY",
            "f64": "BYTE_STREAM_SPLIT"}),
        "pa_legacy_list_names": dict(compression="lz4", use_compliant_nested_type=False),
    }
    for name, options in variants.items():
        pq.write_table(table, os.path.join(OUT, name + ".parquet"), **options)
        expected(name)


if __name__ == "__main__":
    main()
