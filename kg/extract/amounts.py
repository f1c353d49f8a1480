"""Money amounts in yuan, as printed in Chinese news.

>>> [str(a.value) for a in find_amounts("下拨3780万元和2.5亿元，投入81万余元")]
['37800000', '250000000', '810000']
>>> find_amounts("近30万元")[0].approximate
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_AMOUNT = re.compile(
    r"(?P<pre>近|约|逾|超过|大约|将近)?(?P<num>\d+(?:\.\d+)?)(?P<mid>余|多)?"
    r"(?P<unit>千|万|亿)?(?P<post>余|多)?元")
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


def _amount(match: re.Match) -> Amount:
    value = Decimal(match.group("num")) * _UNITS[match.group("unit")]
    value = value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
    approx = bool(match.group("pre") or match.group("mid") or match.group("post"))
    return Amount(match.start(), match.end(), match.group(0), value, approx)


def find_amounts(text: str) -> list[Amount]:
    """Every amount of money in ``text``, with offsets."""
    return [_amount(m) for m in _AMOUNT.finditer(text)]
