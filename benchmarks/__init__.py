"""Benchmarks: one module each, run as ``python -m benchmarks.NAME``; the last line is JSON."""
