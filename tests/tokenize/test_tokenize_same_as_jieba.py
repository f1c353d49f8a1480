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
        assert segmenter.words(text) == plain._tokenizer.lcut(text, HMM=True)  # jieba itself
        tokens = segmenter.tokens(text)
        assert "".join(t.text for t in tokens) == text


def _plain_segmenter():
    import kg.tokenize as tokenize
    original, tokenize._speed_up = tokenize._speed_up, lambda tokenizer: None
    try:
        return tokenize.Segmenter()
    finally:
        tokenize._speed_up = original


_PLAIN = []


def test_same_words_on_arbitrary_text(segmenter):
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import given, settings, strategies as st
    if not _PLAIN:
        _PLAIN.append(_plain_segmenter())
    alphabet = st.sampled_from(list("工会总区市北京大兴慰问困难职工女拨付万元的了在和") + list("，。 （）ab12\n\r\t\u3000.-%#+&"))

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=60))
    def check(text):
        assert segmenter.words(text) == _PLAIN[0]._tokenizer.lcut(text, HMM=True)
        assert "".join(t.text for t in segmenter.tokens(text)) == text
    check()


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
