"""Persons and organisations: unionkg against jieba's own part-of-speech tags.

    python benchmarks/baseline_jieba.py [--corpus corpus/sample] [--gold tests/data/gold]
    python benchmarks/baseline_jieba.py --wild      # the wild set (texts in tests/data/wild/texts)

The baseline is what a general tool gives for free: every word jieba's
default dictionary and HMM tag as a person (nr, nrfg, nrt) or an organisation
(nt), over the same normalised page text unionkg reads. Both are scored by
the same rules as ``kg eval`` (one-to-one on canonical name or alias,
optional gold items counting neither way); organisations here are unions and
other organisations together, since jieba does not tell them apart.
"""
from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import jieba  # noqa: E402
import jieba.posseg  # noqa: E402

import kg  # noqa: E402
from kg.graph.evaluate import GoldSet, found_items, score  # noqa: E402
from kg.pipeline.normalise import normalise  # noqa: E402
from kg.pipeline.read import iter_pages  # noqa: E402

PERSON_TAGS = {"nr", "nrfg", "nrt"}
ORG_TAGS = {"nt"}


def merged_gold(gold: GoldSet) -> GoldSet:
    """The gold with unions and other organisations as one category."""
    for bucket in (gold.required, gold.optional):
        bucket["organizations"] = bucket["organizations"] | bucket["unions"]
    gold.optional["organizations"] -= gold.required["organizations"]
    return gold


def jieba_entities(corpus: Path, gold: GoldSet) -> dict[str, Counter]:
    """Persons and organisations by jieba's tags, named as gold names them."""
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tagger = jieba.posseg.POSTokenizer(jieba.Tokenizer())  # jieba's default dictionary, untouched
    persons, orgs = set(), set()
    for page in iter_pages([corpus]):
        for pair in tagger.cut(normalise(page.text)[0]):
            if pair.flag in PERSON_TAGS:
                persons.add(gold.name(pair.word))
            elif pair.flag in ORG_TAGS:
                orgs.add(gold.name(pair.word))
    return {"persons": Counter(persons), "organizations": Counter(orgs)}


def unionkg_entities(corpus: Path, gold: GoldSet) -> dict[str, Counter]:
    """Persons and organisations of the unionkg graph, keyed like the gold."""
    found = found_items(kg.build(corpus).graph, gold)
    return {"persons": found["persons"], "organizations": found["organizations"] + found["unions"]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus" / "sample")
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "gold")
    parser.add_argument("--wild", action="store_true",
                        help="score on the wild set: tests/data/wild/texts against tests/data/wild")
    args = parser.parse_args(argv)
    if args.wild:  # the annotated texts only, checked against their sha256 (benchmarks/wild.py)
        from wild import WILD, check_texts, staged
        items, problems = check_texts(WILD / "texts", WILD)
        for line in problems:
            print(f"baseline_jieba.py: {line}", file=sys.stderr)
        folder = tempfile.TemporaryDirectory()  # removed when the script ends
        args.corpus, args.gold = staged(items, WILD / "texts", WILD, Path(folder.name))
    gold = merged_gold(GoldSet(args.gold))
    empty = {c: Counter() for c in gold.required}
    rows = []
    for system, found in (("jieba nr/nt", jieba_entities(args.corpus, gold)),
                          ("unionkg", unionkg_entities(args.corpus, gold))):
        report = score({**empty, **found}, gold)
        for category, label in (("persons", "persons"), ("organizations", "organisations")):
            r = report[category]
            rows.append((label, system, r["gold"], r["found"], r["tp"], r["fp"], r["fn"],
                         r["precision"], r["recall"], r["f1"]))
    print(f"{'entities':<15}{'system':<13}{'gold':>5}{'found':>7}{'tp':>5}{'fp':>5}{'fn':>5}"
          f"{'P':>7}{'R':>7}{'F1':>7}")
    for label, system, *numbers in sorted(rows, key=lambda r: (r[0] != "persons", r[1] != "jieba nr/nt")):
        counts, ratios = numbers[:5], numbers[5:]
        print(f"{label:<15}{system:<13}" + "".join(f"{n:>{w}}" for n, w in zip(counts, (5, 7, 5, 5, 5)))
              + "".join(f"{x:>7.3f}" for x in ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())
