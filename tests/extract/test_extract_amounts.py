"""Amounts of money: the parser against the numbers it was written from."""

from hypothesis import given, strategies as st

from kg.pipeline.extract.amounts import find_amounts, parse_amount

UNITS = {"": 1, "千": 1000, "万": 10000, "亿": 100000000}


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(sorted(UNITS)), st.sampled_from(["", "余", "多"]))
def test_written_amounts_parse_to_their_value(number, unit, approx):
    text = f"{number}{unit}{approx}元"
    amount = parse_amount(text)
    assert amount is not None
    assert amount.value == number * UNITS[unit]
    assert amount.approximate == bool(approx)
    assert amount.text == text


@given(st.text(alphabet="资金投入下拨，。、万元亿近约余0123456789.", max_size=40))
def test_found_amounts_slice_back_to_their_text(text):
    for amount in find_amounts(text):
        assert text[amount.start:amount.end] == amount.text
        assert amount.value >= 0
