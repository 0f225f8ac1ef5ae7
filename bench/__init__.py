"""Benchmarks of cmsdesk against the goals of issue 7; run ``python -m bench`` (see run.py)."""
