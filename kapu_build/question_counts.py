"""How many questions a reader sees for each worked example of a guided calculator: before the
flows (every question of the form at once) and now (the questions the relevance rule shows once
the example's answers are in). Printed as a Markdown table:

    .venv/bin/python -m kapu_build.question_counts
"""

from __future__ import annotations

from calculators import web
from calculators.core import examples, registry

# Questions each form showed at once before the flows (issue 16): eligibility's nine fields (the
# "which ground" question is new), coverage-end's five.
BEFORE = {"eligibility": 9, "coverage-end": 5}


def counts(name: str) -> list[tuple[str, int, int]]:
    """(example id, questions before, questions now) for every worked example of `name`."""
    data = examples.load(name)
    rows = []
    for example in data["example"]:
        outcome = web.run(name, examples.values(data, example), "en", data["today"])
        rows.append((example["id"], BEFORE[name], len(outcome["relevant"])))
    return rows


def table() -> str:
    lines = ["| Calculator | Worked example | Questions before | Questions now |", "|---|---|---:|---:|"]
    for name in BEFORE:
        assert registry.calculator(name).relevant is not None, name
        lines += [f"| {name} | {example} | {before} | {now} |" for example, before, now in counts(name)]
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())
