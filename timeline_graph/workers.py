"""Run one function over many tasks on several processes (or a cluster's), results in task order.

A build extracts each document independently, so its documents can go to as many processes as
the machine has cores. :func:`ordered_map` gives the results in the order of the tasks, whatever
the order the processes finish in, so a build's output is the same for any number of processes.
Only a bounded window of tasks is in flight at once, so memory does not grow with the pile.

A process that dies (killed for memory, or a crash inside a compiled library) takes down the
whole pool with it. Every task that was in flight then runs again alone, in a process of its
own: the one whose process dies again gets a :class:`Crashed` result naming what happened, and
the others their normal results; then the pool starts afresh for the rest.

>>> list(ordered_map(abs, [-2, 3, -1], jobs=1))
[(-2, 2), (3, 3), (-1, 1)]
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, TypeVar

__all__ = ["Crashed", "available_cores", "cluster_map", "ordered_map", "ordered_map_chunks"]

T = TypeVar("T")
R = TypeVar("R")

#: Tasks in flight for each process: enough to keep every process busy, few enough to bound memory.
WINDOW_PER_PROCESS = 4


@dataclass(frozen=True)
class Crashed:
    """The result of a task whose process died while running it, even when run alone."""

    reason: str


def available_cores() -> int:
    """The cores this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def ordered_map(fn: Callable[[T], R], tasks: Iterable[T], *, jobs: int,
                warm: Callable[[], object] | None = None) -> Iterator[tuple[T, R | Crashed]]:
    """``(task, fn(task))`` for every task, in task order, computed on ``jobs`` processes.

    With ``jobs`` 1 everything runs here, in this process. ``fn`` must be a module-level function
    (it is sent to the processes by name) and should catch its own errors: an exception it raises
    is raised here, in order. ``warm``, when given, is called here once before the processes
    start, where they are forked from this one: what it loads (a language pipeline, word lists)
    is then loaded once and shared, not once in every process.
    """
    if jobs <= 1:
        for task in tasks:
            yield task, fn(task)
        return
    context = _context()
    if warm is not None and context.get_start_method() == "fork":
        warm()
    pending: deque[tuple[T, Future[R] | None]] = deque()
    source = iter(tasks)
    pool = ProcessPoolExecutor(jobs, mp_context=context)
    try:
        while True:
            taken: list[T] = []  # the task whose result is awaited, once taken off the queue
            try:
                _fill(pool, fn, source, pending, jobs * WINDOW_PER_PROCESS)
                if not pending:
                    return
                task, future = pending.popleft()
                taken.append(task)
                assert future is not None  # an unsent task is only left behind as the pool breaks
                result = future.result()
            except BrokenProcessPool:  # while submitting (a process died meanwhile) or waiting
                pool.shutdown(wait=True, cancel_futures=True)
                again = [*taken, *(t for t, _ in pending)]
                pending.clear()
                for t in again:
                    yield t, _alone(fn, t, context)
                pool = ProcessPoolExecutor(jobs, mp_context=context)
                continue
            yield task, result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def ordered_map_chunks(fn: Callable[[tuple[T, ...]], tuple[R, ...]], one: Callable[[T], R],
                       chunks: Iterable[tuple[T, ...]], *, jobs: int,
                       warm: Callable[[], object] | None = None) -> Iterator[tuple[T, R | Crashed]]:
    """``(task, result)`` for every task of every chunk, in order: ``fn`` runs a whole chunk at
    once (one result per task) on ``jobs`` processes, as :func:`ordered_map` runs a task (and
    calls ``warm``).

    When a chunk's process dies even with the chunk alone, each of its tasks runs again alone
    through ``one``, in a process of its own: only the task that kills it too gets :class:`Crashed`.
    """
    for chunk, results in ordered_map(fn, chunks, jobs=jobs, warm=warm):
        if not isinstance(results, Crashed):
            yield from zip(chunk, results, strict=True)
        elif len(chunk) == 1:
            yield chunk[0], results
        else:
            context = _context()
            for task in chunk:
                yield task, _alone(one, task, context)


def _fill(pool: ProcessPoolExecutor, fn: Callable[[T], R], source: Iterator[T],
          pending: deque[tuple[T, Future[R] | None]], window: int) -> None:
    """Submit tasks until ``window`` are in flight or there are no more."""
    while len(pending) < window:
        task = next(source, _END)
        if task is _END:
            return
        try:
            future = pool.submit(fn, task)
        except BrokenProcessPool:
            pending.append((task, None))  # not sent: it runs again alone with the others in flight
            raise
        pending.append((task, future))


def _alone(fn: Callable[[T], R], task: T, context: Any) -> R | Crashed:
    """``fn(task)`` in a process of its own; :class:`Crashed` when that process dies too."""
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        try:
            return pool.submit(fn, task).result()
        except BrokenProcessPool:
            return Crashed("the process reading it died (killed for memory, or a crash in a compiled library)")


def _context() -> Any:
    """Fork where it is safe (this process runs one thread): the processes then share what is
    already loaded, such as the language pipeline; spawn otherwise."""
    method = "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


_END: Any = object()


def cluster_map(fn: Callable[[T], R], tasks: Iterable[T], *, address: str,
                timeout: float = 30.0) -> Iterator[tuple[T, R | Crashed]]:
    """``(task, fn(task))`` for every task, in task order, computed on the workers of the Dask
    distributed cluster whose scheduler listens at ``address`` (``tcp://HOST:PORT``).

    As with :func:`ordered_map`, a bounded window of tasks is in flight (four per worker
    thread) and ``fn`` should catch its own errors; a task whose workers die every time Dask
    tries it (three times) gets a :class:`Crashed` result. ``fn`` and the tasks travel to the
    workers by pickle: the workers need the same package installed. OSError when the scheduler
    cannot be reached within ``timeout`` seconds.
    """
    from distributed import Client
    from distributed.scheduler import KilledWorker

    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as err:
        raise OSError(f"cannot reach the Dask scheduler at {address} ({' '.join(str(err).split())})") from err
    try:
        threads = max(1, sum(client.nthreads().values()))
        pending: deque[tuple[T, Any]] = deque()
        source = iter(tasks)
        while True:
            while len(pending) < threads * WINDOW_PER_PROCESS:
                task = next(source, _END)
                if task is _END:
                    break
                pending.append((task, client.submit(fn, task, pure=False)))
            if not pending:
                return
            task, future = pending.popleft()
            try:
                result = future.result()
            except KilledWorker:
                yield task, Crashed("the cluster's workers died running it (killed for memory, or a crash)")
                continue
            yield task, result
    finally:
        client.close()
