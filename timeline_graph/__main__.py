"""``python3 -m timeline_graph``: the same as the ``timeline-graph`` command."""

from .cli import main

main(prog_name="timeline-graph")
