"""Build settings a user may change."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Settings of one build.

    home_city (str): the city whose paper this is: 市总工会 and 市财政局 resolve
        to it (北京 -> 北京市总工会). Set ``kg build --home-city 上海`` for another paper.
    """

    home_city: str = "北京"

    @property
    def home_city_full(self) -> str:
        return self.home_city if self.home_city.endswith("市") else self.home_city + "市"
