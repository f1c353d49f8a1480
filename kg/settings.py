"""What a user may set: what a build extracts (:class:`Settings`) and where it runs (:class:`Engine`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

EngineName = Literal["local", "dask"]
ENGINES: tuple[EngineName, ...] = ("local", "dask")


@dataclass(frozen=True)
class Settings:
    """Settings of one build; part of every page's digest.

    home_city (str | None): the fallback city for 市总工会 and 市财政局 in an
        article that names no city itself (``kg build --home-city 上海``). The
        article's own city, inferred from its text, always comes first; with no
        fallback (the one default), an article that names no city leaves
        市总工会 unresolved.
    """

    home_city: str | None = None

    @property
    def home_city_full(self) -> str | None:
        """The fallback city's full name (上海 -> 上海市)."""
        if not self.home_city:
            return None
        return self.home_city if self.home_city.endswith("市") else self.home_city + "市"


@dataclass(frozen=True)
class Engine:
    """Where pass 1 (per-page extraction) runs; never changes what is built.

    jobs (int): worker processes (local), or workers of a local Dask cluster.
    name ("local" | "dask"): this machine's processes, or Dask.
    scheduler (str | None): address of a running Dask scheduler ("tcp://host:8786").
    client (distributed.Client | None): an existing Dask client (tests, notebooks).
    """

    jobs: int = 1
    name: EngineName = "local"
    scheduler: str | None = None
    client: Any = None

    def __post_init__(self) -> None:
        if self.name not in ENGINES:
            raise ValueError(f"unknown engine {self.name!r}; choose from {list(ENGINES)}")
        if self.jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {self.jobs}")
