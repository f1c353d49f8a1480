"""A corpus of bad inputs, built with the sample: every good page is in the graph, every
bad file is named with its reason, every output parses, and the exit code says "some skipped".

The bad files are made here, not committed."""
import json
import os
import xml.etree.ElementTree as ElementTree

import networkx as nx
import pyoxigraph
import pytest
from decimal import Decimal

from rdflib import XSD, Graph, Literal

import kg
from conftest import SAMPLE
from kg.interfaces.cli import SKIPPED, main

PAGE = (SAMPLE / "004_8f20270fabd43016.txt").read_text(encoding="utf-8")
CONTROL_PAGE = "本报讯\x00（记者 孙艳）近日，驿城区总工会\x01走访慰问困难职工\x1b，送去慰问金5000元。\u2028「好」<&>\\😀"


def _bad_corpus(folder):
    """(file name, what the summary must say of it) of every bad file made in ``folder``."""
    folder.mkdir()
    utf16 = "桐庐县总工会慰问环卫工人。".encode("utf-16-le")
    files = {
        "bom_then_invalid.txt": (b"\xef\xbb\xbf" + PAGE.encode("utf-8") + b"\xff", "invalid UTF-8"),
        "utf16_lone_surrogate.txt": (b"\xff\xfe" + utf16 + b"\x00\xd8\x41\x00", "invalid UTF-16"),
        "utf16_odd_bytes.txt": (b"\xff\xfe" + utf16 + b"\x41", "odd number of bytes"),
        "random.txt": (bytes(range(256)) * 3, "cannot decode"),
        "empty.txt": (b"", "empty file"),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    records = [
        {"id": 1, "text": 5}, {"id": 2, "text": None}, {"id": 3, "text": ["a"]},
        {"id": 4, "text": "桐庐县总工会慰问环卫工人。", "date": 20210101},
        {"id": 5, "text": "桐庐县总工会慰问环卫工人。", "title": 5},
        {"id": 6, "text": "桐庐县总工会慰问环卫工人。", "url": ["x"]},
        {"id": None, "text": "桐庐县总工会慰问环卫工人。"}, {"id": {"a": 1}, "text": "桐庐县总工会慰问环卫工人。"},
        {"id": 9}, ["not", "an", "object"],
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + ["{not json"]
    lines.append(json.dumps({"id": "good", "text": "桐庐县总工会慰问环卫工人，送去慰问金3000元。"}, ensure_ascii=False))
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = {name: reason for name, (_, reason) in files.items()}
    expected.update({"records.jsonl: line 1": "field 'text' must be a string, not a number",
                     "records.jsonl: line 2": "field 'text' must be a string, not null",
                     "records.jsonl: line 3": "field 'text' must be a string, not a list",
                     "records.jsonl: line 4": "field 'date' must be a string",
                     "records.jsonl: line 5": "field 'title' must be a string, not a number",
                     "records.jsonl: line 6": "field 'url' must be a string, not a list",
                     "records.jsonl: line 7": "field 'id' must be a string or an integer, not null",
                     "records.jsonl: line 8": "field 'id' must be a string or an integer, not an object",
                     "records.jsonl: line 9": "field 'text' is missing",
                     "records.jsonl: line 10": "expected a JSON object, not a list",
                     "records.jsonl: line 11": "Expecting property name"})
    (folder / "controls.txt").write_text(CONTROL_PAGE, encoding="utf-8")  # a good page, odd characters
    odd_name = os.fsencode(str(folder)) + b"/odd-\xff-name.txt"
    with open(odd_name, "wb") as stream:
        stream.write("广州市总工会慰问环卫工人。".encode("utf-8"))
    (folder / "elsewhere").mkdir()
    (folder / "elsewhere" / "page.txt").write_text("杭州市总工会慰问环卫工人。", encoding="utf-8")
    (folder / "linked").symlink_to(folder / "elsewhere", target_is_directory=True)
    expected["linked"] = "symlinked folder, not followed"
    return expected


def _by_value(triple):
    """A triple with its decimals as numbers (writers differ in their lexical forms: 1000000.0, 1000000)."""
    return tuple(Decimal(str(t)) if isinstance(t, Literal) and t.datatype == XSD.decimal else t for t in triple)


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    expected = _bad_corpus(root / "bad")
    out = root / "out"
    return expected, out, root


def test_bad_inputs_are_named_and_the_good_pages_built(bad_build, capfd):
    expected, out, root = bad_build
    code = main(["build", str(SAMPLE), str(root / "bad"), "-o", str(out), "-q"])
    printed = capfd.readouterr().out
    assert code == SKIPPED
    problems = [line.strip() for line in printed.splitlines() if line.startswith("  ")]
    for where, reason in expected.items():
        assert any(where in line and reason in line for line in problems), (where, reason, problems)
    assert len(problems) == len(expected)

    turtle = Graph().parse(out / "graph.ttl")
    alone = kg.build(SAMPLE).graph
    facts = {_by_value(t) for t in alone if "/id/article/" in str(t[0]) or "/id/condolence/" in str(t[0])
             or "/id/allocation/" in str(t[0]) or "/id/position/" in str(t[0])}
    assert facts <= {_by_value(t) for t in turtle}  # every fact of the sample pages, as built alone
    labels = {str(o) for o in turtle.objects()}
    assert "桐庐县总工会" in labels and "广州市总工会" in labels and "驿城区总工会" in labels

    store = pyoxigraph.Store()
    store.load(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(turtle)
    ElementTree.parse(out / "graph.graphml")
    assert nx.read_graphml(out / "graph.graphml").number_of_nodes() > 0


def test_a_build_that_reads_nothing_writes_nothing(tmp_path, capfd):
    out = tmp_path / "exports"
    out.mkdir()
    (out / "graph.ttl").write_text("kept", encoding="utf-8")
    assert main(["build", str(tmp_path / "sampel"), "-o", str(out), "-q"]) == 2
    assert "no page could be read" in capfd.readouterr().err
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "kept"
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]


def test_an_output_that_cannot_be_written_fails_before_the_build(tmp_path, capfd):
    target = tmp_path / "a-file"
    target.write_text("x", encoding="utf-8")
    assert main(["build", str(SAMPLE), "-o", str(target), "-q"]) == 2
    error = capfd.readouterr().err
    assert error.count("\n") == 1 and "a-file: is a file" in error
