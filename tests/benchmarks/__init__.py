"""Benchmark scripts, run by hand (`python -m tests.benchmarks.<name>`); tests import their apps but never assert timings."""
