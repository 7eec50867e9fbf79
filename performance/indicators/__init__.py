"""The indicators (registry.py), one module per area of the journey. Importing this package
registers them all, in the order the pages list them."""

from performance.indicators import (  # noqa: F401
    care_leavers,
    front_door,
    looked_after,
    protection,
    workforce,
)
from performance.indicators.registry import INDICATORS, Indicator, Result, Unit  # noqa: F401
