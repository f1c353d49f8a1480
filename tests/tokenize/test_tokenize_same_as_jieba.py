"""unionkg's words are jieba's own: jieba-rs plus the split of non-Chinese runs
cuts exactly as ``jieba.Tokenizer.lcut`` with the same user dictionary.

These tests fail when either library's dictionary or cutting changes."""
import functools

import pytest

from conftest import ROOT, SAMPLE
from kg.pipeline.lexicon import lexicon_path


@functools.lru_cache(maxsize=1)
def _jieba_itself():
    """Python jieba, the reference, with unionkg's user dictionary."""
    jieba = pytest.importorskip("jieba")
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    tokenizer.load_userdict(str(lexicon_path("userdict.txt")))
    return tokenizer


def test_same_words_as_jieba_on_real_pages(segmenter):
    wild = ROOT / "tests" / "data" / "wild" / "texts"  # present where they were gathered
    for path in sorted(SAMPLE.glob("*.txt")) + sorted(wild.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert segmenter.words(text) == _jieba_itself().lcut(text, HMM=True)
        tokens = segmenter.tokens(text)
        assert "".join(t.text for t in tokens) == text


def test_non_chinese_runs_split_as_jieba_does(segmenter):
    text = "发布时间:2024-02-07来源:www.example.cn,附件1.jpg,增长3.5%,C++与B2B"
    assert segmenter.words(text) == _jieba_itself().lcut(text, HMM=True)
    assert "2024" in segmenter.words(text) and "-" in segmenter.words(text)


def test_same_words_on_arbitrary_text(segmenter):
    from hypothesis import given, settings, strategies as st
    alphabet = st.sampled_from(list("工会总区市北京大兴慰问困难职工女拨付万元的了在和")
                               + list("，。 （）ab12\n\r\t\u3000.-%#+&"))

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=60))
    def check(text):
        assert segmenter.words(text) == _jieba_itself().lcut(text, HMM=True)
        assert "".join(t.text for t in segmenter.tokens(text)) == text
    check()


def test_tags_and_frequencies_are_jiebas(segmenter):
    """The dictionary jieba-rs cuts with is the one whose tags and counts we read."""
    reference = _jieba_itself()
    for word in ["总工会", "慰问", "困难", "职工", "环卫工人", "桐庐县", "的"]:
        assert segmenter.frequency(word) == reference.FREQ[word]
    assert segmenter.tag_of("桐庐县") == "ns" and segmenter.tag_of("慰问") == "v"
    assert segmenter.tag_of("总工会") == "nt"  # from the user dictionary
    assert segmenter.tag_of("不是一个词啊") is None and segmenter.frequency("不是一个词啊") == 0


def test_lazy_tokens_are_the_whole_text_cut(segmenter):
    """Cutting block by block on demand gives the tokens of one whole-text cut."""
    from hypothesis import given, settings, strategies as st
    alphabet = st.sampled_from(list("工会总区市北京大兴慰问困难职工女拨付万元的了在和") + list("，。 （）ab12\n\r\t\u3000.-%#+&"))

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=60), st.data())
    def check(text, data):
        whole = segmenter.lazy_tokens(text).all()
        assert [t.text for t in whole] == segmenter.words(text)  # jieba's words (tested above)
        assert all(text[t.start:t.end] == t.text for t in whole)
        lazy = segmenter.lazy_tokens(text)  # a fresh one: nothing cut yet
        for pos in data.draw(st.lists(st.integers(-2, len(text) + 2), max_size=8)):
            token = lazy.at(pos)
            if not text:
                assert token is None
                continue
            inside = min(max(pos, 0), len(text) - 1)
            assert token == next(t for t in whole if t.start <= inside < t.end)
            assert lazy.before(token) == next((t for t in whole if t.end == token.start), None)
            assert lazy.after(token) == next((t for t in whole if t.start == token.end), None)
    check()


def test_lazy_tokens_carry_dictionary_tags(segmenter):
    tokens = segmenter.lazy_tokens("桐庐县总工会慰问环卫工人")
    first = tokens.at(0)
    assert first.text == "桐庐县" and first.tag == "ns"
    assert [t.text for t in tokens.all()] == segmenter.words("桐庐县总工会慰问环卫工人")
