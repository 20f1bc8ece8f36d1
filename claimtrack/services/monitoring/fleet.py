"""Polling many sources at once: many hosts in parallel, one request at a time per host.

Sources are grouped by host; each group is polled by one thread, source after source,
so a host never sees two requests at once from this poll (the fetch client's host gate
adds the pause between them and keeps that true across callers in one process).

The CPU work of a poll (reading pages, extracting claims, storing, scoring links) is
Python and holds the GIL, so threads of one process only overlap network waits. With
``workers`` above one, this process first fetches every feed (conditional requests,
mostly answered 304) and finishes the sources with nothing new; the host groups of the
sources left are split between up to that many processes, started only then: each
process polls its own hosts with its own threads and writes to the database itself,
links scored outside the write transactions (``pipeline.Deferred``), so the
transactions of the processes stay short and the cores are used side by side. A host
belongs to one process only, and all of them (this one included) ask hosts through one
host gate shared through files, so the one-request-per-host rule and a host's
Retry-After hold across them. Reports and entry
progress come back to the caller through a queue.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle  # nosec B403 - only dumps our own settings, to learn whether they can cross to a process
import queue as queue_module
import tempfile
import threading
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from ...database import error_summary, make_engine
from ...fetch import FetchClient
from ...fetch.politeness import SharedHostGate
from ...models import FeedSource
from ..accounts.actors import Actor
from ..linking import settings as settings_module
from .pipeline import Deferred, Inline, finish_pending
from .polling import FetchedFeed, PollReport, fetch_feed, poll_source

HOSTS_AT_ONCE = 16
# Fewer sources than this are polled in this process.
POOL_THRESHOLD = 3
Progress = Callable[[int, int, PollReport], None]
OnEntry = Callable[[int, int, int], None]


def host_groups(engine: Engine, source_ids: Iterable[int]) -> list[list[int]]:
    """The sources grouped by host (scheme, host name, port), biggest group first."""
    ids = list(dict.fromkeys(source_ids))
    with Session(engine) as session:
        urls = (
            dict(session.exec(select(FeedSource.id, FeedSource.url).where(FeedSource.id.in_(ids))).all()) if ids else {}
        )
    groups: dict[str, list[int]] = {}
    for sid in ids:
        if sid not in urls:
            continue
        parts = urlsplit(urls[sid])
        key = f"{parts.scheme.lower()}://{(parts.hostname or '').lower()}:{parts.port or ''}"
        groups.setdefault(key, []).append(sid)
    return sorted(groups.values(), key=len, reverse=True)


def partition(groups: list[list[int]], parts: int) -> list[list[list[int]]]:
    """Whole host groups dealt to ``parts`` processes, each to the least loaded so far
    (biggest first), so the processes get about as many sources each."""
    shares: list[list[list[int]]] = [[] for _ in range(max(1, parts))]
    loads = [0] * len(shares)
    for group in sorted(groups, key=len, reverse=True):
        i = loads.index(min(loads))
        shares[i].append(group)
        loads[i] += len(group)
    return [share for share in shares if share]


def poll_many(
    engine: Engine,
    actor: Actor,
    client: FetchClient,
    source_ids: Iterable[int],
    *,
    max_body_chars: int,
    hosts_at_once: int = HOSTS_AT_ONCE,
    workers: int | None = None,
    progress: Progress | None = None,
    on_entry: OnEntry | None = None,
) -> list[PollReport]:
    """Poll the sources now; one report per source, in the order given.

    ``workers``: processes polling side by side (default one per core; 1 keeps
    everything in this process). ``progress(done, total, report)`` after each source;
    ``on_entry(source_id, done, total)`` after each entry of a source.
    """
    order = list(dict.fromkeys(source_ids))
    groups = host_groups(engine, order)
    total = sum(len(g) for g in groups)
    if not groups:
        return []
    finish_pending(engine)
    collected = _Collected(total, progress)
    processes = min(workers or os.cpu_count() or 1, len(groups))
    if total < POOL_THRESHOLD or processes < 2 or not _can_spawn(engine, client):
        pipeline = Deferred() if total >= POOL_THRESHOLD else Inline()
        _poll_groups(engine, actor, client, groups, max_body_chars, hosts_at_once, pipeline, collected.add, on_entry)
    else:
        _poll_feeds_first(engine, actor, client, groups, max_body_chars, hosts_at_once, processes, collected, on_entry)
    return [collected.reports[sid] for sid in order if sid in collected.reports]


def _poll_feeds_first(
    engine: Engine,
    actor: Actor,
    client: FetchClient,
    groups: list[list[int]],
    max_body_chars: int,
    hosts_at_once: int,
    processes: int,
    collected: _Collected,
    on_entry: OnEntry | None,
) -> None:
    """Fetch every feed here first (network waits, a thread per host), finish the
    sources with nothing new (a 304 or an error) at once, and start processes only for
    the sources whose feeds have entries to read: a poll where nothing changed costs no
    process start-up. The host gate is shared with those processes from the start."""
    with _gate_folder(client) as gate_folder:
        here = _with_shared_gate(client, gate_folder)
        fetched = _fetch_feeds(engine, here, groups, hosts_at_once)
        for group in groups:
            for sid in group:
                if not fetched[sid].has_news:
                    report = poll_source(engine, actor, here, sid, max_body_chars=max_body_chars, fetched=fetched[sid])
                    collected.add(report)
        busy = [[sid for sid in group if fetched[sid].has_news] for group in groups]
        busy = [group for group in busy if group]
        count = sum(len(group) for group in busy)
        if count < POOL_THRESHOLD:
            pipeline = Deferred() if count > 1 else Inline()
            _poll_groups(
                engine, actor, here, busy, max_body_chars, hosts_at_once, pipeline, collected.add, on_entry, fetched
            )
            return
        shares = partition(busy, min(processes, len(busy)))
        _poll_with_gate(
            engine, actor, client, shares, max_body_chars, hosts_at_once, collected, on_entry, gate_folder, fetched
        )


def _fetch_feeds(
    engine: Engine, client: FetchClient, groups: list[list[int]], hosts_at_once: int
) -> dict[int, FetchedFeed]:
    """Every source's feed, fetched by a thread per host group, source after source."""
    fetched: dict[int, FetchedFeed] = {}

    def run_group(group: list[int]) -> None:
        for sid in group:
            fetched[sid] = fetch_feed(engine, client, sid)

    with ThreadPoolExecutor(max(1, min(hosts_at_once, len(groups))), thread_name_prefix="feeds") as executor:
        for future in as_completed([executor.submit(run_group, group) for group in groups]):
            future.result()
    return fetched


class _Collected:
    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total, self.progress = total, progress
        self.reports: dict[int, PollReport] = {}
        self.lock = threading.Lock()

    def add(self, report: PollReport) -> None:
        with self.lock:
            self.reports[report.source_id] = report
            done = len(self.reports)
        if self.progress:
            self.progress(done, self.total, report)


def _poll_groups(
    engine: Engine,
    actor: Actor,
    client: FetchClient,
    groups: list[list[int]],
    max_body_chars: int,
    hosts_at_once: int,
    pipeline: Inline,
    report_to: Callable[[PollReport], None],
    on_entry: OnEntry | None,
    fetched: dict[int, FetchedFeed] | None = None,
    keep_going: Callable[[], bool] = lambda: True,
) -> None:
    """Poll the groups in this process, a thread per group (up to ``hosts_at_once``);
    ``fetched``: feeds fetched ahead, by source."""

    def run_group(group: list[int]) -> None:
        for sid in group:
            if not keep_going():
                return
            entry = (lambda d, t, sid=sid: on_entry(sid, d, t)) if on_entry else None
            try:
                report = poll_source(
                    engine,
                    actor,
                    client,
                    sid,
                    max_body_chars=max_body_chars,
                    pipeline=pipeline,
                    progress=entry,
                    fetched=(fetched or {}).get(sid),
                )
            except OperationalError as exc:  # the database stayed locked: this source waits for next time
                report = PollReport(
                    sid,
                    f"source {sid}",
                    status="failed",
                    error=f"the database was busy ({error_summary(exc) or 'locked'})",
                )
            report_to(report)

    threads = max(1, min(hosts_at_once, len(groups)))
    with ThreadPoolExecutor(threads, thread_name_prefix="poll") as executor:
        futures = [executor.submit(run_group, group) for group in groups]
        for future in as_completed(futures):
            future.result()  # a bug in one group is not swallowed


# -- several processes --------------------------------------------------------------------


def _can_spawn(engine: Engine, client: FetchClient) -> bool:
    """A process of its own needs the database by URL (not an in-memory SQLite) and a
    fetch client it can rebuild: the settings, and a resolver it can be sent."""
    url = make_url(engine.url)
    if url.get_backend_name() == "sqlite" and (not url.database or url.database == ":memory:"):
        return False
    if client.ssl_context is not None:
        return False
    try:
        pickle.dumps((client.settings, client.resolver))
    except (pickle.PicklingError, AttributeError, TypeError):
        return False
    return True


@dataclass(slots=True)
class _Share:
    """What one polling process needs (plain data: it crosses to a spawned process)."""

    database_url: str
    actor: Actor
    fetch: tuple[Any, Any]  # (FetchSettings, resolver)
    gate_folder: str  # the host gate every process shares (see fetch.politeness)
    match_settings: settings_module.MatchSettings
    groups: list[list[int]]
    fetched: dict[int, FetchedFeed]  # the feeds of ``groups``, fetched by the caller
    max_body_chars: int
    hosts_at_once: int
    entries: bool  # send entry progress back


def _gate_folder(client: FetchClient) -> AbstractContextManager[str]:
    """Where the processes of a poll share the host gate: the client's own folder when
    it has one, else a folder for this poll. Articles may live on other hosts than their
    feeds, and on the same host for feeds of two processes."""
    if isinstance(client.gate, SharedHostGate):
        return nullcontext(str(client.gate.folder))
    return tempfile.TemporaryDirectory(prefix="claimtrack-hosts-")


def _with_shared_gate(client: FetchClient, gate_folder: str) -> FetchClient:
    """The client, asking hosts through the gate the polling processes share."""
    if isinstance(client.gate, SharedHostGate) and str(client.gate.folder) == gate_folder:
        return client
    gate = SharedHostGate(client.settings.host_delay, gate_folder)
    return FetchClient(client.settings, resolver=client.resolver, gate=gate)


def _poll_with_gate(
    engine: Engine,
    actor: Actor,
    client: FetchClient,
    shares: list[list[list[int]]],
    max_body_chars: int,
    hosts_at_once: int,
    collected: _Collected,
    on_entry: OnEntry | None,
    gate_folder: str,
    fetched: dict[int, FetchedFeed],
) -> None:
    # spawn: a process must not inherit this one's database connections or threads.
    context = multiprocessing.get_context("spawn")
    messages = context.Queue()
    url = engine.url.render_as_string(hide_password=False)
    settings = settings_module.current()
    processes = []
    for groups in shares:
        share = _Share(
            url,
            actor,
            (client.settings, client.resolver),
            gate_folder,
            settings,
            groups,
            {sid: fetched[sid] for group in groups for sid in group},
            max_body_chars,
            hosts_at_once,
            bool(on_entry),
        )
        process = context.Process(target=_run_share, args=(share, messages), daemon=True, name="claimtrack-poll")
        process.start()
        processes.append((process, {sid for g in groups for sid in g}))
    errors: list[str] = []
    running = len(processes)
    try:
        while running:
            try:
                kind, payload = messages.get(timeout=1.0)
            except queue_module.Empty:
                if all(p.exitcode is not None for p, _ in processes):
                    break  # every process ended, some without saying so
                continue
            if kind == "entry" and on_entry:
                on_entry(*payload)
            elif kind == "report":
                collected.add(PollReport(**payload))
            elif kind == "error":
                errors.append(payload)
            elif kind == "end":
                running -= 1
    finally:
        for process, _ in processes:
            process.join(timeout=30)
            if process.exitcode is None:
                process.terminate()
    for process, sids in processes:
        for sid in sorted(sids - set(collected.reports)):
            # Lost with its process: nothing half-stored (one transaction per article),
            # and the next poll takes it up again.
            collected.add(
                PollReport(
                    sid,
                    f"source {sid}",
                    status="failed",
                    error=f"the polling process stopped (exit code {process.exitcode})",
                )
            )
    if errors:
        raise RuntimeError(f"a polling process failed:\n{errors[0]}")


def _run_share(share: _Share, messages: Any) -> None:
    """In a polling process: poll this share's host groups and report back."""
    parent = os.getppid()
    try:
        engine = make_engine(share.database_url)
        settings, resolver = share.fetch
        client = FetchClient(settings, resolver=resolver, gate=SharedHostGate(settings.host_delay, share.gate_folder))
        on_entry = (lambda sid, d, t: messages.put(("entry", (sid, d, t)))) if share.entries else None
        _poll_groups(
            engine,
            share.actor,
            client,
            share.groups,
            share.max_body_chars,
            share.hosts_at_once,
            Deferred(share.match_settings),
            lambda report: messages.put(("report", report.to_dict())),
            on_entry,
            share.fetched,
            # The caller was killed: stop after the source at hand, which its retry polls again.
            keep_going=lambda: os.getppid() == parent,
        )
    except BaseException:
        messages.put(("error", traceback.format_exc()))
    finally:
        messages.put(("end", os.getpid()))
