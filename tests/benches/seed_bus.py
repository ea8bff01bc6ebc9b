"""The seed's in-process EventBus, as its guide writes it, and a publish loop.

The dispatch benchmark runs this script to put the guide's own bus beside
evently's in one run:

    python3 seed_bus.py EVENTS HANDLERS

prints the nanoseconds per published event (every handler awaited). The
handlers do what the benchmark's Rust handlers do: add to a counter.
"""

import asyncio
import sys
import time
from typing import Callable, Dict, List


# The guide's bus, unchanged.
class EventBus:
    def __init__(self):
        self._subscribers: Dict[str, List[Callable]] = {}

    def subscribe(self, event_type: str, handler: Callable):
        self._subscribers.setdefault(event_type, []).append(handler)

    async def publish(self, event_type: str, data: dict):
        handlers = self._subscribers.get(event_type, [])
        for handler in handlers:
            await handler(data)


handled = 0


async def on_ticked(data):
    global handled
    handled += (data["seq"] & 1) | 1


async def publish_loop(events: int, handlers: int) -> int:
    bus = EventBus()
    for _ in range(handlers):
        bus.subscribe("test.ticked", on_ticked)
    start = time.perf_counter_ns()
    for seq in range(events):
        await bus.publish("test.ticked", {"seq": seq, "account": seq % 64})
    return time.perf_counter_ns() - start


def main() -> None:
    events, handlers = int(sys.argv[1]), int(sys.argv[2])
    elapsed = asyncio.run(publish_loop(events, handlers))
    if handled < events * handlers:
        raise SystemExit(f"only {handled} of {events * handlers} deliveries ran")
    print(f"{elapsed / events:.1f}")


if __name__ == "__main__":
    main()
