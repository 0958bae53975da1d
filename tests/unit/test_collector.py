"""The engine pauses the cyclic garbage collector during an analysis and always restores it."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from reader.core.collector import collector_paused
from reader.core.engine import Engine


@pytest.fixture(autouse=True)
def _collector_back_on() -> Iterator[None]:
    yield
    gc.enable()


def test_pauses_and_restores() -> None:
    gc.enable()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_nested_pauses_end_with_the_outermost() -> None:
    gc.enable()
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_restored_after_an_error() -> None:
    gc.enable()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_overlapping_pauses_in_threads() -> None:
    gc.enable()
    inside = threading.Barrier(2)
    leave = threading.Event()
    states: list[bool] = []

    def worker() -> None:
        with collector_paused():
            inside.wait()
            leave.wait()

    thread = threading.Thread(target=worker)
    thread.start()
    with collector_paused():
        inside.wait()
    states.append(gc.isenabled())  # the worker's pause is still on
    leave.set()
    thread.join()
    states.append(gc.isenabled())
    assert states == [False, True]


def test_the_engine_restores_the_collector(engine: Engine) -> None:
    gc.enable()
    engine.analyze("US officers stated that the White Home was conscious of the matter.")
    assert gc.isenabled()
