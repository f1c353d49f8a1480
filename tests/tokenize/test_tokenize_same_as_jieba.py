"""The sped-up word-graph search cuts exactly as jieba's own."""
import pytest

from conftest import SAMPLE


def test_same_words_as_jieba_on_the_sample(segmenter):
    import kg.tokenize as tokenize
    original, tokenize._speed_up = tokenize._speed_up, lambda tokenizer: None
    try:
        plain = tokenize.Segmenter()
    finally:
        tokenize._speed_up = original
    for path in sorted(SAMPLE.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert segmenter.words(text) == plain.words(text)
        tokens = segmenter.tokens(text)
        assert "".join(t.text for t in tokens) == text
