"""Chromium's shared workers, watched over the DevTools protocol.

The bridge runs Python in a shared worker (web/bridge.js), and Playwright does not see shared
workers: neither page nor context routes intercept their requests, and no `request` or `console`
event reports them. So the tests' Chromium also opens its DevTools endpoint on 127.0.0.1 (the
`browser` fixture), and `SharedWorkers` attaches to every shared worker of every context as it
starts. It reports each worker's requests, HTTP errors, failed loads, console errors and uncaught
exceptions to the listeners (Watchers, tests/browser/watch.py: in the same words as Playwright's
events for a page). Chromium holds a new worker until this client has switched that watch on, but
Playwright, attached to the page that made it, may let it run first, so its first requests can
come before the watch is on: `observe` sees every request of the browser, at the browser's level,
for the proof that nothing leaves the origin. It can also make requests fail (`fail`, also at the
browser's level), and end the shared workers of a context (`end`: its next page starts a new one).
"""

from __future__ import annotations

import base64
import fnmatch
import json
import socket
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

from websockets.sync.client import connect

CALL_TIMEOUT_S = 10


def free_port() -> int:
    """A port nobody listens on now, for Chromium's DevTools endpoint."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class WorkerEvents:
    """What the listeners hear about. Each is called with the worker's script address first."""

    request: list[Callable[[str, str], None]] = field(default_factory=list)  # (worker, url)
    problem: list[Callable[[str, str], None]] = field(default_factory=list)  # (worker, text as Watcher's)


class SharedWorkers:
    """A DevTools client on the browser's endpoint, attached to every shared worker."""

    def __init__(self, port: int):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/version", timeout=CALL_TIMEOUT_S) as answer:
            endpoint = json.load(answer)["webSocketDebuggerUrl"]
        self.events = WorkerEvents()
        self.errors: list[str] = []  # what went wrong in this client itself (the fixture fails on any)
        self._stack = ExitStack()
        self._socket = self._stack.enter_context(connect(endpoint, max_size=None))
        self._lock = threading.Lock()
        self._next_id = 0
        self._answers: dict[int, tuple[threading.Event, dict, Callable[[], None] | None]] = {}
        self._workers: dict[str, str] = {}  # DevTools session -> the worker's script address
        self._sessions: dict[str, str] = {}  # DevTools target id -> session
        self._paused: dict[str, threading.Event] = {}  # session -> set when it stops in the debugger
        self._frames: dict[str, list] = {}  # session -> where it stopped
        self._requests: dict[tuple[str, str], str] = {}  # (session, request id) -> url
        self._failing: list[tuple[str, int | None]] = []
        self._faulted: set[str] = set()  # network request ids failed by `fail`
        self._observed: list[str] | None = None  # every request's address, while `observe` runs
        threading.Thread(target=self._read, name="shared-worker-watch", daemon=True).start()
        # Every new shared worker, in every context, waits for this client (waitForDebuggerOnStart)
        # unless Playwright lets it go first (see above).
        self.call("Target.setAutoAttach", {
            "autoAttach": True, "waitForDebuggerOnStart": True, "flatten": True,
            "filter": [{"type": "shared_worker", "exclude": False}, {"exclude": True}],
        })

    # --- for tests -------------------------------------------------------------------------------

    @contextmanager
    def fail(self, address: str, status: int | None = None) -> Iterator[None]:
        """Meanwhile, every request of the browser whose address matches `address` (DevTools'
        wildcards: `*` any run of characters, `?` one) fails: with HTTP `status`, or (None) as a
        failed connection (net::ERR_FAILED), as a page route's fulfil or abort would. Done at the
        browser's level, so it holds from a shared worker's first request. (Set on each worker as it
        starts instead, it missed a request now and then, though set before the worker was let go.)"""
        rule = (address, status)
        self._failing.append(rule)
        self._intercept()
        try:
            yield
        finally:
            self._failing.remove(rule)
            self._intercept()

    @contextmanager
    def observe(self) -> Iterator[list[str]]:
        """Meanwhile, every request the browser makes (pages, dedicated, shared and service workers)
        is stopped at the browser's level, its address added to the list this yields, and let go.
        Unlike the watch of each shared worker (Playwright lets a new shared worker run as soon as
        it sees it, so its first requests may come before the watch is on), nothing escapes this:
        for the test that proves that nothing leaves the origin."""
        self._observed = []
        self._intercept()
        try:
            yield self._observed
        finally:
            self._observed = None
            self._intercept()

    def _intercept(self) -> None:
        patterns = [address for address, _ in self._failing] + (["*"] if self._observed is not None else [])
        if patterns:
            self.call("Fetch.enable", {"patterns": [{"urlPattern": address} for address in patterns]})
        else:
            self.call("Fetch.disable")

    def evaluate_in_handler(self, page, trigger: Callable[[], None], expression: str) -> dict:
        """Evaluate `expression` inside the shared worker of `page`'s context, in the scope of the
        handler of the next message it receives (its module's own variables in reach): the worker is
        paused in the debugger, `trigger` makes the page send it a message, and the expression runs
        where it stopped; then it goes on. DevTools' answer (result or exceptionDetails)."""
        (target,) = self.running(page)
        session = self._sessions[target]
        paused = self._paused[session] = threading.Event()
        self.call("Debugger.enable", session=session)
        self.call("Debugger.pause", session=session)
        try:
            trigger()
            if not paused.wait(CALL_TIMEOUT_S):
                raise TimeoutError("the shared worker did not stop in the debugger")
            frame = self._frames.pop(session)[0]["callFrameId"]
            return self.call("Debugger.evaluateOnCallFrame", {"callFrameId": frame, "expression": expression},
                             session=session)
        finally:
            for method in ("Debugger.resume", "Debugger.disable"):
                try:
                    self.call(method, session=session)
                except (RuntimeError, TimeoutError):  # the worker has ended meanwhile (what a test may be about)
                    break

    def end(self, page) -> int:
        """End the shared workers of `page`'s browser context (as the browser does some minutes
        after their last page closed): its next page starts a new one. How many there were."""
        workers = self.running(page)
        for target in workers:
            # From the inside (the worker's own close()), as a worker that could not start ends: its
            # "closing" flag keeps the next page from joining it. (Closing its DevTools target
            # instead left the next page, one time in two, joined to a worker that was gone.)
            self.call("Runtime.evaluate", {"expression": "close()"}, session=self._sessions[target])
        # Gone only once the browser no longer lists it: a page opened before could still join it.
        for _ in range(CALL_TIMEOUT_S * 20):
            if not set(workers) & set(self.running(page)):
                return len(workers)
            time.sleep(0.05)
        raise TimeoutError(f"the shared workers {workers} did not end")

    def running(self, page) -> list[str]:
        """The DevTools target ids of the shared workers running in `page`'s browser context."""
        session = page.context.new_cdp_session(page)
        try:
            context_id = session.send("Target.getTargetInfo")["targetInfo"]["browserContextId"]
        finally:
            session.detach()
        return [t["targetId"] for t in self.call("Target.getTargets")["targetInfos"]
                if t["type"] == "shared_worker" and t.get("browserContextId") == context_id]

    def close(self) -> None:
        self._stack.close()

    # --- the protocol ----------------------------------------------------------------------------

    def _send(self, method: str, params: dict | None = None, session: str | None = None,
              then: Callable[[], None] | None = None) -> int:
        """Send a command; `then` runs (on the reading thread) once it is answered."""
        with self._lock:
            self._next_id += 1
            message = {"id": self._next_id, "method": method, "params": params or {}}
            if session:
                message["sessionId"] = session
            self._answers[self._next_id] = (threading.Event(), {}, then)
            self._socket.send(json.dumps(message))
            return self._next_id

    def call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        """Send a command and wait for its answer (never from the reading thread)."""
        done, answer, _ = self._answers[self._send(method, params, session)]
        if not done.wait(CALL_TIMEOUT_S):
            raise TimeoutError(f"DevTools did not answer {method}")
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer.get("result", {})

    def _read(self) -> None:
        for raw in self._socket:
            message = json.loads(raw)
            if "id" in message:
                done, answer, then = self._answers.pop(message["id"], (None, None, None))
                if done is not None:
                    answer.update(message)
                    done.set()
                if then is not None:
                    then()
                continue
            handler = getattr(self, "_on_" + message.get("method", "").replace(".", "_"), None)
            try:
                if handler:
                    handler(message.get("sessionId"), message.get("params", {}))
            except Exception as error:  # the watch must go on: a stopped reader would hold every new worker
                self.errors.append(f"{message.get('method')}: {error!r}")

    def _on_Target_attachedToTarget(self, _session, params) -> None:
        session, worker = params["sessionId"], params["targetInfo"]["url"]
        self._workers[session] = worker
        self._sessions[params["targetInfo"]["targetId"]] = session
        # The worker is held until the watches are on, as DevTools' answers say, then let go.
        enable = {"Network.enable": {}, "Runtime.enable": {}}
        waiting = set(enable)

        def enabled(method: str) -> Callable[[], None]:
            def then() -> None:
                waiting.discard(method)
                if not waiting:
                    self._send("Runtime.runIfWaitingForDebugger", session=session)
            return then

        for method, params in enable.items():
            self._send(method, params, session=session, then=enabled(method))

    def _on_Debugger_paused(self, session, params) -> None:
        self._frames[session] = params["callFrames"]
        if session in self._paused:
            self._paused.pop(session).set()

    def _on_Target_detachedFromTarget(self, _session, params) -> None:
        self._workers.pop(params.get("sessionId"), None)

    def _tell(self, kind: str, session: str, text: str) -> None:
        for listener in getattr(self.events, kind):
            listener(self._workers.get(session, ""), text)

    def _on_Network_requestWillBeSent(self, session, params) -> None:
        url = params["request"]["url"]
        self._requests[(session, params["requestId"])] = url
        self._tell("request", session, url)

    def _on_Network_responseReceived(self, session, params) -> None:
        status, url = params["response"]["status"], params["response"]["url"]
        if status >= 400 and params["requestId"] not in self._faulted:
            self._tell("problem", session, f"HTTP {status} {url}")

    def _on_Network_loadingFailed(self, session, params) -> None:
        url = self._requests.get((session, params["requestId"]), "?")
        if params.get("errorText") != "net::ERR_ABORTED" and params["requestId"] not in self._faulted:
            self._tell("problem", session, f"request failed ({params.get('errorText')}) {url}")

    def _on_Runtime_consoleAPICalled(self, session, params) -> None:
        if params["type"] == "error":
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])
            frames = params.get("stackTrace", {}).get("callFrames", [])
            where = f" (at {frames[0]['url']})" if frames and frames[0].get("url") else ""
            self._tell("problem", session, f"console error: {text}{where}")

    def _on_Runtime_exceptionThrown(self, session, params) -> None:
        details = params["exceptionDetails"]
        text = details.get("exception", {}).get("description") or details.get("text", "")
        self._tell("problem", session, f"page error: {text}")

    def _on_Fetch_requestPaused(self, _session, params) -> None:
        url = params["request"]["url"]
        if self._observed is not None:
            self._observed.append(url)
        rule = next((rule for rule in self._failing if fnmatch.fnmatchcase(url, rule[0])), None)
        if rule is None:  # observed only, or a rule that has just been removed
            self._send("Fetch.continueRequest", {"requestId": params["requestId"]})
            return
        # Reported here, as Playwright reports a route's failure (with the request's address for the
        # worker's: the browser's interception does not say which worker asked), and not again when
        # the worker's own Network event comes, if it does: a worker that could not start may end first.
        self._faulted.add(params.get("networkId"))
        status = rule[1]
        text = f"HTTP {status} {url}" if status else f"request failed (net::ERR_FAILED) {url}"
        for listener in self.events.problem:
            listener(url, text)
        if status is None:
            self._send("Fetch.failRequest", {"requestId": params["requestId"], "errorReason": "Failed"})
        else:
            body = base64.b64encode(f"HTTP {status} (a test's fault)".encode()).decode()
            self._send("Fetch.fulfillRequest", {"requestId": params["requestId"], "responseCode": status,
                                                "body": body})
