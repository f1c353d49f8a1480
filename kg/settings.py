"""Build settings a user may change."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Settings of one build.

    home_city (str | None): the fallback city for 市总工会 and 市财政局 in an
        article that names no city itself (``kg build --home-city 上海``). The
        article's own city, inferred from its text, always comes first; with no
        fallback, an article that names no city leaves 市总工会 unresolved.
    """

    home_city: str | None = None

    @property
    def home_city_full(self) -> str | None:
        """The fallback city's full name (上海 -> 上海市)."""
        if not self.home_city:
            return None
        return self.home_city if self.home_city.endswith("市") else self.home_city + "市"
