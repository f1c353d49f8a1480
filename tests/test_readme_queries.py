"""The README's questions are the files in queries/ (each block is its file, the question line left out)."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_readme_question_is_its_query_file():
    blocks = re.findall(r"\(`([a-z_]+\.rq)`\)\n\n```sparql\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"),
                        flags=re.S)
    assert len(blocks) >= 5
    for name, block in blocks:
        assert block == (ROOT / "queries" / name).read_text(encoding="utf-8").split("\n", 1)[1], name
