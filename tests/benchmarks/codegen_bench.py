"""How long `python -m codegen generate` takes, as a user feels it: whole-process wall time.

Run it from the repository root:

    python -m tests.benchmarks.codegen_bench [--runs 7] [--sizes 10 100 1000]

It times the realistic blueprint of `tests/benchmarks/realistic_blueprint.py` (15 routes, DESIGN.md §7's
300 ms target) and synthetic blueprints of each size, written on the fly to a temporary directory, and
prints the median of `--runs` runs (after one untimed warm-up run each), the per-route cost and the growth
ratios between sizes. A bare `python -c pass` is timed too, so the compiler's own share is visible. This is
a script, not a test: timings depend on the machine (and on its load) and never fail the suite.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REALISTIC_TARGET = "tests.benchmarks.realistic_blueprint:blueprint"
REALISTIC_ROUTES = 15
GENERATE_BUDGET_MS = 300.0

__all__ = ["Measurement", "main", "synthetic_blueprint_source", "time_command"]


@dataclass(frozen=True, slots=True)
class Measurement:
    """The timings of one command: every run, in milliseconds."""

    label: str
    routes: int
    runs_ms: tuple[float, ...]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.runs_ms)

    @property
    def best_ms(self) -> float:
        return min(self.runs_ms)


# --- synthetic blueprints -------------------------------------------------------------------------------

_HEADER = '''\
"""A synthetic blueprint of {n} routes, written by tests.benchmarks.codegen_bench."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

from blueprint import GET, POST, Blueprint
from framework import Error, Next, Processing, RequestHead, Response


@dataclass(frozen=True)
class Settings:
    database_url: str


class Pool:
    pass


class Transaction:
    pass


class Clock:
    pass


def pool(settings: Settings) -> Iterator[Pool]:
    yield Pool()


async def transaction(pool: Pool) -> AsyncIterator[Transaction]:
    yield Transaction()


def clock() -> Clock:
    return Clock()


async def timing(next: Next, clock: Clock) -> Response:
    return await next


def authorise(head: RequestHead) -> Processing:
    return Processing.CONTINUE


def security_headers(response: Response) -> Response:
    return response


def record_error(error: Error, clock: Clock) -> None:
    return None
'''

_GROUP = """

class Service{g}:
    pass


class Service{g}Error(Exception):
    pass


def service_{g}(pool: Pool, transaction: Transaction) -> Service{g}:
    return Service{g}()


def service_{g}_error_to_response(error: Service{g}Error) -> Response:
    return Response.internal_server_error()
"""

_HANDLER = """

async def handler_{i}(service: Service{g}, transaction: Transaction, clock: Clock) -> Response:
    return Response.ok()
"""

ROUTES_PER_GROUP = 10
"""One request-scoped service type (with its error handler) per ten routes, so the graph grows with size."""


def _template(i: int) -> tuple[str, str]:
    """A varied route table: static paths, one parameter, two parameters with a literal between."""
    if i % 3 == 0:
        return "GET", f"/resource{i}"
    if i % 3 == 1:
        return "GET", f"/resource{i}/{{item_id}}"
    return "POST", f"/resource{i}/{{item_id}}/actions/{{action_id}}"


def synthetic_blueprint_source(n_routes: int) -> str:
    """The source of a module defining `blueprint()` with `n_routes` routes.

    A tenth of the routes sit in a blueprint nested at `/admin`; every route goes through a wrapping, a
    pre-processing and a post-processing middleware and uses a singleton, a request-scoped transaction
    (a generator), a transient and a per-group service.
    """
    if n_routes < 1:
        msg = f"a synthetic blueprint needs at least one route, not {n_routes}"
        raise ValueError(msg)
    groups = (n_routes + ROUTES_PER_GROUP - 1) // ROUTES_PER_GROUP
    parts = [_HEADER.format(n=n_routes)]
    parts += [_GROUP.format(g=g) for g in range(groups)]
    parts += [_HANDLER.format(i=i, g=i // ROUTES_PER_GROUP) for i in range(n_routes)]
    nested = set(range(0, n_routes, 10)) if n_routes >= 10 else set()
    admin = [_route_line(i) for i in range(n_routes) if i in nested]
    root = [_route_line(i) for i in range(n_routes) if i not in nested]
    services = [
        f"    bp.request_scoped(service_{g}).error_handler(service_{g}_error_to_response)\n"
        for g in range(groups)
    ]
    parts.append("\n\ndef admin_blueprint() -> Blueprint:\n    bp = Blueprint()\n")
    parts.append("    bp.pre_process(authorise)\n")
    parts += admin
    parts.append("    return bp\n")
    parts.append("\n\ndef blueprint() -> Blueprint:\n    bp = Blueprint()\n")
    parts.append("    bp.prebuilt(Settings)\n    bp.singleton(pool)\n")
    parts.append("    bp.request_scoped(transaction)\n    bp.transient(clock)\n")
    parts += services
    parts.append("    bp.wrap(timing)\n    bp.post_process(security_headers)\n")
    parts.append("    bp.error_observer(record_error)\n")
    parts += root
    if admin:
        parts.append('    bp.nest_at("/admin", admin_blueprint())\n')
    parts.append("    return bp\n")
    return "".join(parts)


def _route_line(i: int) -> str:
    method, path = _template(i)
    return f'    bp.route({method}, "{path}", handler_{i})\n'


def write_synthetic_blueprint(directory: Path, n_routes: int) -> str:
    """Write `synthetic_<n>.py` into `directory`; return its `MODULE:ATTR` (with `directory` on the path)."""
    module = f"synthetic_{n_routes}"
    (directory / f"{module}.py").write_text(synthetic_blueprint_source(n_routes), encoding="utf-8")
    return f"{module}:blueprint"


# --- timing ------------------------------------------------------------------------------------------------


def _environment(extra_path: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    paths = [str(ROOT)] + ([str(extra_path)] if extra_path else []) + [env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(filter(None, paths))
    return env


def time_command(command: Sequence[str], *, runs: int, env: dict[str, str], cwd: Path) -> tuple[float, ...]:
    """Run `command` once untimed (bytecode caches warm, as on a developer's machine), then `runs` times.

    Returns each timed run's wall time in ms. A failing run aborts the benchmark.
    """
    timings: list[float] = []
    for attempt in range(runs + 1):
        start = time.perf_counter()
        result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
        elapsed = (time.perf_counter() - start) * 1000
        if result.returncode != 0:
            msg = f"`{' '.join(command)}` exited with {result.returncode}:\n{result.stderr}"
            raise RuntimeError(msg)
        if attempt:
            timings.append(elapsed)
    return tuple(timings)


def _generate(target: str, output: Path) -> list[str]:
    return [sys.executable, "-m", "codegen", "generate", target, "--output", str(output)]


def measure(sizes: Sequence[int], runs: int) -> list[Measurement]:
    """Time the interpreter alone, the realistic blueprint, then each synthetic size."""
    measurements: list[Measurement] = []
    with tempfile.TemporaryDirectory(prefix="codegen-bench-") as tmp:
        workdir = Path(tmp)
        env = _environment(workdir)
        bare = time_command([sys.executable, "-c", "pass"], runs=runs, env=env, cwd=ROOT)
        measurements.append(Measurement("python -c pass", 0, bare))
        output = workdir / "realistic_server_sdk.py"
        realistic = time_command(_generate(REALISTIC_TARGET, output), runs=runs, env=env, cwd=ROOT)
        measurements.append(Measurement("realistic blueprint", REALISTIC_ROUTES, realistic))
        for size in sizes:
            target = write_synthetic_blueprint(workdir, size)
            output = workdir / f"synthetic_{size}_server_sdk.py"
            runs_ms = time_command(_generate(target, output), runs=runs, env=env, cwd=workdir)
            measurements.append(Measurement(f"synthetic, {size} routes", size, runs_ms))
    return measurements


# --- report ------------------------------------------------------------------------------------------------


def report(measurements: Sequence[Measurement], runs: int) -> str:
    """The figures as a plain-text table, then per-route costs and growth ratios."""
    bare = measurements[0].median_ms
    lines = [
        f"python -m codegen generate: whole-process wall time, median of {runs} runs",
        "",
        f"{'blueprint':<26}{'routes':>7}{'median ms':>11}{'best ms':>10}{'minus python':>14}{'ms/route':>10}",
    ]
    for m in measurements:
        own = m.median_ms - bare
        per_route = f"{own / m.routes:.2f}" if m.routes else "-"
        lines.append(
            f"{m.label:<26}{m.routes:>7}{m.median_ms:>11.1f}{m.best_ms:>10.1f}{own:>14.1f}{per_route:>10}"
        )
    realistic = next(m for m in measurements if m.label == "realistic blueprint")
    verdict = "within" if realistic.median_ms <= GENERATE_BUDGET_MS else "OVER"
    lines += [
        "",
        f"realistic blueprint: {realistic.median_ms:.0f} ms, {verdict} the {GENERATE_BUDGET_MS:.0f} ms target",
    ]
    synthetic = sorted((m for m in measurements if m.label.startswith("synthetic")), key=lambda m: m.routes)
    for small, large in itertools.pairwise(synthetic):
        ratio = large.median_ms / small.median_ms
        own_ratio = (large.median_ms - bare) / max(small.median_ms - bare, 1e-9)
        marginal = (large.median_ms - small.median_ms) / (large.routes - small.routes)
        lines.append(
            f"growth {large.routes} vs {small.routes} routes: x{ratio:.2f} whole-process, "
            f"x{own_ratio:.2f} compiler only ({large.routes / small.routes:.0f}x the routes); "
            f"marginal cost {marginal:.2f} ms/route"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7, help="runs per blueprint (the median is reported)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000], help="synthetic sizes")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    try:
        measurements = measure(sorted(set(args.sizes)), args.runs)
    except RuntimeError as error:
        print(f"benchmark aborted: {error}", file=sys.stderr)
        return 1
    print(report(measurements, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
