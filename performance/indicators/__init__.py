"""The indicators (registry.py), one module per area of the journey. Importing this package
registers them all; the pages list them in the order of the journey (AREAS)."""

from performance.indicators import care_leavers, front_door, looked_after, protection, workforce
from performance.indicators.registry import INDICATORS, Indicator, Result, Unit

AREAS = [front_door, protection, looked_after, care_leavers, workforce]
_ORDER = {module.__name__: i for i, module in enumerate(AREAS)}
_sorted = sorted(INDICATORS.values(), key=lambda item: _ORDER[item.compute.__module__])
INDICATORS.clear()
INDICATORS.update((item.code, item) for item in _sorted)

__all__ = ["INDICATORS", "Indicator", "Result", "Unit"]
