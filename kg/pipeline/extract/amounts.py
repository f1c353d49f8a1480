"""Money amounts in yuan, as printed in Chinese news.

Digits with or without thousands separators (``1,000元``, ``12,500万元``), Chinese
numerals (``五万元``, ``一百二十万元``, read by cn2an), a unit (千, 万, 亿) and
approximation words (近, 约, 余, 多). An amount in 万 or 亿 may leave out 元
(``资金256万，``) where nothing but punctuation follows it: ``2万名职工`` counts people.

>>> [str(a.value) for a in find_amounts("下拨3780万元和2.5亿元，投入81万余元")]
['37800000', '250000000', '810000']
>>> [str(a.value) for a in find_amounts("资助1,000元、下拨12,500万元、五万元、一百二十万元")]
['1000', '125000000', '50000', '1200000']
>>> find_amounts("近30万元")[0].approximate, str(find_amounts("慰问金24.75万，惠及171人")[0].value)
(True, '247500')
>>> find_amounts("惠及2万名职工")
[]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMERALS = r"[〇零一二两三四五六七八九十百千]*[一二两三四五六七八九十][〇零一二两三四五六七八九十百千]*"
_AMOUNT = re.compile(
    r"(?P<pre>近|约|逾|超过|大约|将近)?(?:(?P<num>%s)|(?P<cn>%s))(?P<mid>余|多)?"
    r"(?:(?P<unit>千|万|亿)(?P<post>余|多)?(?:(?P<yuan>(?:人民币|澳门|澳币|港)?元)|(?=[,，。;；、)\s]|$))"
    r"|(?P<yuan2>(?:人民币|澳门|澳币|港)?元))" % (_DIGITS, _NUMERALS))
_UNITS = {None: Decimal(1), "千": Decimal(1000), "万": Decimal(10000), "亿": Decimal(100000000)}


@dataclass(frozen=True)
class Amount:
    """An amount of money: value in yuan, as printed, approximate or not."""

    start: int
    end: int
    text: str
    value: Decimal
    approximate: bool


def parse_amount(text: str) -> Amount | None:
    """Parse one amount written alone (``"3780万元"``); None if it is not one.

    >>> parse_amount("72.03万元").value
    Decimal('720300')
    """
    match = _AMOUNT.fullmatch(text)
    return _amount(match) if match else None


def _number(match: re.Match) -> Decimal | None:
    if match.group("num"):
        return Decimal(match.group("num").replace(",", ""))
    import cn2an  # here, not at import: it takes 0.1 s, and most amounts are printed in digits
    try:
        return Decimal(str(cn2an.cn2an(match.group("cn"), "smart")))
    except (ValueError, KeyError):  # not a numeral cn2an reads (十百)
        return None


def _amount(match: re.Match) -> Amount | None:
    number = _number(match)
    if number is None:
        return None
    value = number * _UNITS[match.group("unit")]
    value = value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
    approx = bool(match.group("pre") or match.group("mid") or match.group("post"))
    return Amount(match.start(), match.end(), match.group(0), value, approx)


def find_amounts(text: str) -> list[Amount]:
    """Every amount of money in ``text``, with offsets."""
    if "元" not in text and "万" not in text and "亿" not in text:
        return []  # most sentences name no money: the pattern need not run
    found = (_amount(m) for m in _AMOUNT.finditer(text))
    return [amount for amount in found if amount is not None]
