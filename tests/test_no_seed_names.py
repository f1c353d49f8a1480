"""The rules generalise: no seed page's person or union, no wild item's person, and no
seed phrase that jieba's dictionary does not know is written into code or lexicons.

Union names the guideline fixes (全总 -> 中华全国总工会, 经开区 -> 北京经济技术开发区)
are the only names allowed, and only in the alias table; the guideline's own examples
(区卫健委) are the specification, not a page's text.
"""
import json
import logging
import re

import pytest

from conftest import GOLD, ROOT, SAMPLE

WILD = ROOT / "tests" / "data" / "wild"
GUIDELINE = ROOT.parent / "shared" / "gold" / "GUIDELINE.md"

FIXED = {"中华全国总工会", "全国总工会", "全总", "北京市总工会", "北京经济技术开发区总工会", "经开区总工会",
         "经济技术开发区总工会"}


def _shipped_texts():
    for path in sorted((ROOT / "kg").rglob("*")) + sorted((ROOT / "ontology").glob("*.ttl")):
        if path.is_file() and path.suffix in {".py", ".txt", ".tsv", ".ttl", ".json", ".md"}:
            yield path, path.read_text(encoding="utf-8")


def _seed_names():
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for person in gold.get("persons", []):
            yield person["name"]
        for union in gold.get("unions", []):
            for name in [union["name"]] + union.get("aliases", []):
                if name not in FIXED:
                    yield name


def test_no_seed_person_or_union_in_code_or_lexicons():
    names = set(_seed_names())
    assert names
    found = [(path.relative_to(ROOT).as_posix(), name)
             for path, text in _shipped_texts() for name in names if name in text]
    assert found == []


def test_no_wild_person_in_code_or_lexicons():
    names = {person["name"] for path in sorted(WILD.glob("*.json"))
             for person in json.loads(path.read_text(encoding="utf-8")).get("persons", [])}
    assert len(names) > 100
    found = [(path.relative_to(ROOT).as_posix(), name)
             for path, text in _shipped_texts() for name in names if name in text]
    assert found == []


def test_no_seed_phrase_unknown_to_jieba_in_code_or_lexicons():
    # a phrase of the seed pages that jieba's own dictionary does not hold (its HMM made
    # it up: a name, a place, a local body) must not be a rule's or a lexicon's
    jieba = pytest.importorskip("jieba")
    jieba.setLogLevel(logging.WARNING)
    plain = jieba.Tokenizer()
    plain.initialize()
    seeds = "".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt")))
    spec = GUIDELINE.read_text(encoding="utf-8") if GUIDELINE.exists() else ""
    phrases = {w for w in plain.lcut(seeds) if len(w) >= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", w)
               and w not in plain.FREQ and w not in spec}
    found = [(path.relative_to(ROOT).as_posix(), phrase)
             for path, text in _shipped_texts() for phrase in phrases if phrase in text]
    assert found == []
