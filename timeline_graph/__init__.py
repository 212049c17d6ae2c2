"""timeline-graph: documents in, a cited timeline and provenance knowledge graph out.

The library is the product; the ``timeline-graph`` command and the Streamlit app are thin shells
over it. The data flows one way::

    ingest -> extract -> resolve -> graph -> timeline / app -> export

Importing the package does no work; submodules are imported where used.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
