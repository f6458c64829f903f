#!/usr/bin/env python3
"""Writes the MMLU task bundle (task-bundles/tasks-mmlu): 57 subject tasks, one shared template, the four
category groups and the `mmlu` group, as lm-eval 0.4.13 defines them (`mmlu/default`).

Facts reproduced: task names `mmlu_<subject>`, alias `<subject>`, dataset `cais/mmlu` config `<subject>`,
test split evaluated, 5-example `dev` split as the first_n few-shot pool, the prompt
"<question>\\nA. ..\\nD. ..\\nAnswer:", the description "The following are multiple choice questions (with
answers) about <subject words>.\\n\\n", the category of each subject (as a tag) and the group tree.

    python3 tools/tasks/gen_mmlu.py [--out task-bundles/tasks-mmlu/src/main/resources/META-INF/lmeval/tasks/mmlu]
"""
import argparse
import json
from pathlib import Path

CATEGORIES = {
    "stem": ["abstract_algebra", "anatomy", "astronomy", "college_biology", "college_chemistry",
             "college_computer_science", "college_mathematics", "college_physics", "computer_security",
             "conceptual_physics", "electrical_engineering", "elementary_mathematics", "high_school_biology",
             "high_school_chemistry", "high_school_computer_science", "high_school_mathematics",
             "high_school_physics", "high_school_statistics", "machine_learning"],
    "other": ["business_ethics", "clinical_knowledge", "college_medicine", "global_facts", "human_aging",
              "management", "marketing", "medical_genetics", "miscellaneous", "nutrition",
              "professional_accounting", "professional_medicine", "virology"],
    "social_sciences": ["econometrics", "high_school_geography", "high_school_government_and_politics",
                        "high_school_macroeconomics", "high_school_microeconomics", "high_school_psychology",
                        "human_sexuality", "professional_psychology", "public_relations", "security_studies",
                        "sociology", "us_foreign_policy"],
    "humanities": ["formal_logic", "high_school_european_history", "high_school_us_history",
                   "high_school_world_history", "international_law", "jurisprudence", "logical_fallacies",
                   "moral_disputes", "moral_scenarios", "philosophy", "prehistory", "professional_law",
                   "world_religions"],
}
# group order inside `mmlu`, and each category group's display alias
GROUP_ORDER = ["stem", "other", "social_sciences", "humanities"]
ALIASES = {"stem": "stem", "other": "other", "social_sciences": "social sciences", "humanities": "humanities"}

TEMPLATE = """\
# Shared settings of every MMLU subject task (included by mmlu_<subject>.yaml; not indexed itself).
# Test split evaluated; few-shot examples are the subject's 5 dev questions, in order (first_n).
dataset_path: cais/mmlu
test_split: test
fewshot_split: dev
fewshot_config:
  sampler: first_n
output_type: multiple_choice
doc_to_text: "{{question.strip()}}\\nA. {{choices[0]}}\\nB. {{choices[1]}}\\nC. {{choices[2]}}\\nD. {{choices[3]}}\\nAnswer:"
doc_to_choice: ["A", "B", "C", "D"]
doc_to_target: answer
metric_list:
  - {metric: acc, aggregation: mean, higher_is_better: true}
metadata:
  version: 1.0
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path,
                    default=Path("task-bundles/tasks-mmlu/src/main/resources/META-INF/lmeval/tasks/mmlu"))
    out = ap.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    (out / "_default_template_yaml").write_text(TEMPLATE, encoding="utf-8")
    for category, subjects in CATEGORIES.items():
        for s in subjects:
            description = f"The following are multiple choice questions (with answers) about {s.replace('_', ' ')}.\n\n"
            (out / f"mmlu_{s}.yaml").write_text(
                f"# MMLU subject {s} (category {category}).\n"
                f"task: mmlu_{s}\n"
                f"task_alias: {s}\n"
                f"tag: mmlu_{category}_tasks\n"
                f"include: _default_template_yaml\n"
                f"dataset_name: {s}\n"
                f"description: {json.dumps(description)}\n", encoding="utf-8")
        (out / f"_mmlu_{category}.yaml").write_text(
            f"# MMLU {ALIASES[category]}: the {len(subjects)} subjects tagged mmlu_{category}_tasks; "
            f"accuracy averaged over all their questions.\n"
            f"group: mmlu_{category}\n"
            f"group_alias: {ALIASES[category]}\n"
            f"task:\n  - mmlu_{category}_tasks\n"
            f"aggregate_metric_list:\n  - metric: acc\n    weight_by_size: true\n"
            f"metadata:\n  version: 2\n", encoding="utf-8")
    (out / "_mmlu.yaml").write_text(
        "# MMLU: the four category groups; accuracy averaged over all 14,042 test questions.\n"
        "group: mmlu\n"
        "task:\n" + "".join(f"  - mmlu_{c}\n" for c in GROUP_ORDER) +
        "aggregate_metric_list:\n  - metric: acc\n    weight_by_size: true\n"
        "metadata:\n  version: 2\n", encoding="utf-8")


if __name__ == "__main__":
    main()
