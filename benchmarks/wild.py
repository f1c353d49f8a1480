"""The wild set: real union news from all over China, scored against its gold.

    python benchmarks/wild.py [--texts DIR] [--gold tests/data/wild] [--errors] [--items]

The texts are third-party writing and are not in the repository: they live in
the git-ignored ``tests/data/wild/texts/`` (``NN.txt``), gathered again by the
query and URL that ``tests/data/wild/SOURCES.md`` gives for each item. This
script checks every text against the sha256 recorded there, builds the graph
of all the items that are present, scores it against the gold
(``tests/data/wild/NN.json``) and prints each item's own macro-F1 (each item
built and scored alone), worst first, then the per-category table.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kg  # noqa: E402
from kg.graph.evaluate import GoldSet, categories, evaluate, format_report, found_items, score  # noqa: E402

WILD = ROOT / "tests" / "data" / "wild"
_ROW = re.compile(r"^\|\s*(\d{2,3})\s*\|.*\|\s*([0-9a-f]{64})\s*\|\s*$")


def recorded_hashes(sources: Path) -> dict[str, str]:
    """Item number -> sha256, from the table rows of SOURCES.md."""
    out = {}
    for line in sources.read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line.strip())
        if match:
            out[match.group(1)] = match.group(2)
    return out


def check_texts(texts: Path, gold: Path) -> tuple[list[str], list[str]]:
    """The items whose text is present and intact, and a problem line for each other."""
    hashes = recorded_hashes(gold / "SOURCES.md")
    ok, problems = [], []
    for gold_file in sorted(gold.glob("*.json")):
        item = gold_file.stem
        text = texts / f"{item}.txt"
        if item not in hashes:
            problems.append(f"{item}: no sha256 in SOURCES.md")
        elif not text.exists():
            problems.append(f"{item}: {text} missing (gather it again by its query in SOURCES.md)")
        elif hashlib.sha256(text.read_bytes()).hexdigest() != hashes[item]:
            problems.append(f"{item}: {text} differs from the text annotated (sha256 mismatch)")
        else:
            ok.append(item)
    return ok, problems


def item_f1(report: dict) -> float:
    """Macro-F1 over the categories the item has gold or output in."""
    used = [c for c in categories() if report[c]["gold"] or report[c]["found"]]
    return sum(report[c]["f1"] for c in used) / len(used) if used else 1.0


def staged(items: list[str], texts: Path, gold: Path, folder: Path) -> tuple[Path, Path]:
    """Copy the items' texts and gold into ``folder`` (texts/, gold/)."""
    (folder / "texts").mkdir(parents=True)
    (folder / "gold").mkdir()
    for item in items:
        (folder / "texts" / f"{item}.txt").write_bytes((texts / f"{item}.txt").read_bytes())
        (folder / "gold" / f"{item}.json").write_bytes((gold / f"{item}.json").read_bytes())
    return folder / "texts", folder / "gold"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=WILD / "texts")
    parser.add_argument("--gold", type=Path, default=WILD)
    parser.add_argument("--errors", action="store_true", help="list what was missed and what was wrong")
    parser.add_argument("--items", action="store_true", help="only the per-item table")
    args = parser.parse_args(argv)
    items, problems = check_texts(args.texts, args.gold)
    for line in problems:
        print(f"wild.py: {line}", file=sys.stderr)
    if not items:
        print("wild.py: no wild text present; nothing scored", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        texts, gold = staged(items, args.texts, args.gold, Path(tmp))
        per_item = []
        for item in items:
            graph = kg.build([texts / f"{item}.txt"])
            item_gold = GoldSet(gold_only(gold, item, Path(tmp)))
            report = score(found_items(graph.graph, item_gold), item_gold)
            per_item.append((item_f1(report), item))
        report = evaluate(kg.build(texts).graph, gold)
    print("per item, worst first (macro-F1 over the categories the item has):")
    for f1, item in sorted(per_item):
        print(f"  {item}  {f1:.3f}")
    if not args.items:  # the table last, where a glance at the end of the output finds it
        print(f"\nwild set: {len(items)} items (of {len(items) + len(problems)})")
        print(format_report(report, errors=args.errors))
    return 0


def gold_only(gold: Path, item: str, tmp: Path) -> Path:
    """A folder holding just one item's gold file."""
    folder = tmp / "one" / item
    if not folder.exists():
        folder.mkdir(parents=True)
        (folder / f"{item}.json").write_bytes((gold / f"{item}.json").read_bytes())
    return folder


if __name__ == "__main__":
    sys.exit(main())
