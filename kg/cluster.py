"""Extraction on a Dask distributed cluster (``kg build --cluster local|tcp://HOST:PORT``).

Extraction is the costly, embarrassingly parallel step: each article goes to whichever worker is free, and
its quads (N-Quads text, a few kB) stream back as soon as they are ready, in completion order, to the one
process that writes the store; the store is a set, so the graph equals a local build's. Only a window of
articles is in flight at a time, so neither this process nor the scheduler holds the corpus.

A worker that dies loses nothing: the scheduler hands its articles to the others (up to Dask's
``distributed.scheduler.allowed-failures`` deaths per article). An article whose extraction raises is tried
``RETRIES`` more times (on any worker), then skipped with its reason, like a file that cannot be read.

``local`` starts a LocalCluster of worker processes on this machine; an address joins a scheduler a user
started (``dask scheduler`` on one machine, ``dask worker tcp://HOST:8786`` on each of the others, with
the same version of kg installed everywhere).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from kg.errors import KgError
from kg.model import Article
from kg.pipeline import Extracted, process

RETRIES = 2  # more attempts for an article whose extraction raises
LOCAL_WORKERS = 2
IN_FLIGHT_PER_WORKER = 8


@contextmanager
def _client(address: str) -> Iterator[object]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise KgError("--cluster needs Dask distributed: pip install 'kg[cluster]'") from None
    if address == "local":
        cluster = LocalCluster(n_workers=LOCAL_WORKERS, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    if "://" not in address:
        raise KgError(f"--cluster {address!r}: expected 'local' or a scheduler address such as tcp://HOST:8786")
    try:
        client = Client(address, timeout=10)
    except (OSError, TimeoutError) as exc:
        raise KgError(f"--cluster {address}: cannot reach the Dask scheduler ({exc})") from None
    with client:
        yield client


def extract_on_cluster(articles: Iterator[Article], address: str, skipped: list[str]) -> Iterator[Extracted]:
    """Each article's extraction, run on the cluster at ``address``, as it completes; an article that keeps
    failing is added to ``skipped`` with its reason instead."""
    from distributed import as_completed

    with _client(address) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))  # type: ignore[attr-defined]
        window = workers * IN_FLIGHT_PER_WORKER
        running = as_completed(with_results=False)
        ids = {}
        for article in articles:
            future = client.submit(process, article, retries=RETRIES, pure=False,  # type: ignore[attr-defined]
                                   key=f"kg-extract-{article.id}-{article.content_hash[:12]}")
            ids[future.key] = article.id
            running.add(future)
            if running.count() >= window:
                yield from _collect(next(running), ids, skipped)
        for future in running:
            yield from _collect(future, ids, skipped)


def _collect(future, ids: dict[str, str], skipped: list[str]) -> Iterator[Extracted]:  # type: ignore[no-untyped-def]
    article_id = ids.pop(future.key)
    try:
        result = future.result()
    except Exception as exc:  # noqa: BLE001 - any failure of one article's extraction skips only that article
        skipped.append(f"{article_id}: extraction failed on the cluster after {RETRIES + 1} attempts "
                       f"({type(exc).__name__}: {exc})")
        return
    finally:
        future.release()
    yield result
