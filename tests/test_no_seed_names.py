"""The rules generalise: no seed page's person or union is written into code or lexicons.

Union names the guideline fixes (全总 -> 中华全国总工会, 经开区 -> 北京经济技术开发区)
are the only names allowed, and only in the alias table.
"""
import json

from conftest import GOLD, ROOT

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
