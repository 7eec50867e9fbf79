"""Timing of the statutory returns builds and of the data-quality checks (placeholder until the
returns and data-quality branches are merged)."""


def measure(out_dir):
    return [], []
