"""``kg serve``: a read-only SPARQL endpoint and the explorer page, in one process.

Starlette routes requests; uvicorn serves them; every query (the endpoint's and
the page's) runs in :class:`~kg.interfaces.workers.QueryWorkers`, so a query
past its time limit answers 503 and frees its worker. The endpoint follows the
SPARQL 1.1 Protocol: ``GET /sparql?query=``, ``POST`` with a ``query=`` form or
an ``application/sparql-query`` body; results as SPARQL JSON, XML, CSV or TSV,
graphs as Turtle, N-Triples or JSON-LD, by ``Accept``. Updates answer 403.
"""
from __future__ import annotations

import contextlib
import json
import os
import threading
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs

import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from kg.data import example_queries
from kg.interfaces import explorer
from kg.interfaces.workers import (READ_ONLY, QueryRejected, QueryTimeout, QueryWorkers, ResultTooLarge,
                                   default_workers)

STATIC = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}
_UPDATE_MEDIA = "application/sparql-update"


class Endpoint:
    """The server's state: the workers and the limits.

    timeout (float): seconds a query may run (503 after).
    cap (int): bytes an answer may have (413 beyond).
    queue (int): requests that may wait for a worker (503 "busy" beyond).
    """

    def __init__(self, workers: QueryWorkers, *, timeout: float, cap: int, queue: int):
        self.workers, self.timeout, self.cap = workers, timeout, cap
        self._waiting = threading.BoundedSemaphore(queue)

    def run(self, sparql: str, accept: str):
        """Answer a query in a worker (blocking; call it from a thread)."""
        if not self._waiting.acquire(blocking=False):
            raise QueryRejected("the server is busy; try again in a moment", 503)
        try:
            return self.workers.run(sparql, accept, timeout=self.timeout, cap=self.cap)
        finally:
            self._waiting.release()

    def select(self, sparql: str) -> list[dict[str, str]]:
        """Rows of a SELECT as dicts of strings (``VAR_lang`` beside a tagged literal)."""
        answer = self.run(sparql, "application/sparql-results+json")
        rows = []
        for binding in json.loads(answer.body)["results"]["bindings"]:
            row = {}
            for name, term in binding.items():
                row[name] = term["value"]
                if "xml:lang" in term:
                    row[f"{name}_lang"] = term["xml:lang"]
            rows.append(row)
        return rows


def _error(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(message + "\n", status_code=status)


async def _sparql_text(request: Request) -> tuple[str | None, bool]:
    """(query text, is it an update?) of a protocol request."""
    if request.method == "GET":
        params = request.query_params
        return params.get("query"), "update" in params
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/sparql-query":
        return (await request.body()).decode("utf-8"), False
    if media == _UPDATE_MEDIA:
        return None, True
    # an HTML form or a protocol client: application/x-www-form-urlencoded
    form = parse_qs((await request.body()).decode("utf-8"), keep_blank_values=True)
    return (form["query"][0] if "query" in form else None), "update" in form


async def sparql(request: Request) -> Response:
    endpoint: Endpoint = request.app.state.endpoint
    text, update = await _sparql_text(request)
    if update:
        return _error(403, READ_ONLY)
    if not text:
        return _error(400, "give a query: ?query=… (GET), a query= form or an application/sparql-query body (POST)")
    try:
        answer = await run_in_threadpool(endpoint.run, text, request.headers.get("accept", ""))
    except QueryTimeout as exc:
        return _error(503, str(exc))
    except ResultTooLarge as exc:
        return _error(413, str(exc))
    except QueryRejected as exc:
        return _error(exc.status, str(exc))
    return Response(answer.body, media_type=answer.media_type)


def _api(handler):
    """A JSON route over the explorer's queries: 400/503 with a message when they fail."""
    async def route(request: Request) -> Response:
        endpoint: Endpoint = request.app.state.endpoint
        try:
            return await handler(request, endpoint)
        except ValueError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        except QueryTimeout as exc:
            return JSONResponse({"error": str(exc)}, status_code=503)
        except (QueryRejected, ResultTooLarge) as exc:
            return JSONResponse({"error": str(exc)}, status_code=getattr(exc, "status", 413))
    return route


async def _search(request: Request, endpoint: Endpoint) -> Response:
    return JSONResponse(await _explore(endpoint, explorer.search, request.query_params.get("q", "")))


async def _entity(request: Request, endpoint: Endpoint) -> Response:
    page = await _explore(endpoint, explorer.entity, request.query_params.get("iri", ""))
    return JSONResponse(page) if page else JSONResponse({"error": "no such entity"}, status_code=404)


async def _article(request: Request, endpoint: Endpoint) -> Response:
    page = await _explore(endpoint, explorer.article, request.query_params.get("iri", ""))
    return JSONResponse(page) if page else JSONResponse({"error": "no such article"}, status_code=404)


def _without_dashboard(select, node: str) -> dict:
    return explorer.entity(select, node, with_dashboard=False)


async def _neighbourhood(request: Request, endpoint: Endpoint) -> Response:
    page = await _explore(endpoint, _without_dashboard, request.query_params.get("iri", ""))
    if not page:
        return JSONResponse({"error": "no such entity"}, status_code=404)
    return Response(explorer.neighbourhood_svg(page), media_type="image/svg+xml")


async def _examples(request: Request, endpoint: Endpoint) -> Response:
    out = []
    for name, text in example_queries().items():
        title = text.splitlines()[0].lstrip("# ").strip() if text.startswith("#") else name
        out.append({"name": name, "title": title, "query": text})
    return JSONResponse(out)


async def _explore(endpoint: Endpoint, function, argument):
    """Run an explorer function in a thread; its queries go through the workers."""
    return await run_in_threadpool(function, endpoint.select, argument)


async def index(request: Request) -> Response:
    return HTMLResponse(_static("index.html"))


async def static(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in STATIC:
        return _error(404, "no such file")
    return Response(_static(name), media_type=STATIC[name])


def _static(name: str) -> str:
    return (resources.files("kg.interfaces") / "static" / name).read_text(encoding="utf-8")


def create_app(source: str | os.PathLike, *, timeout: float = 10.0, cap: int = 50_000_000,
               workers: int | None = None, queue: int = 64) -> Starlette:
    """The endpoint and explorer over a store folder or a graph file."""
    pool = QueryWorkers(Path(source), size=workers or default_workers())

    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        pool.close()

    app = Starlette(lifespan=lifespan, routes=[
        Route("/", index),
        Route("/static/{name}", static),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/api/search", _api(_search)),
        Route("/api/entity", _api(_entity)),
        Route("/api/article", _api(_article)),
        Route("/api/neighbourhood.svg", _api(_neighbourhood)),
        Route("/api/examples", _api(_examples)),
    ])
    app.state.endpoint = Endpoint(pool, timeout=timeout, cap=cap, queue=queue)
    return app


def serve(source: str | os.PathLike, *, host: str = "127.0.0.1", port: int = 7878, **limits) -> None:
    """Serve until interrupted (``kg serve``)."""
    uvicorn.run(create_app(source, **limits), host=host, port=port, log_level="warning")
