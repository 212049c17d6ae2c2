.PHONY: install test lint typecheck exports demo bench

install:
	python3 -m pip install -e ".[test]"

test:
	python3 -m pytest

lint:
	ruff check timeline_graph tests benchmarks
	mypy

exports:
	timeline-graph demo --no-app --out exports

demo:
	timeline-graph demo

bench:
	python3 benchmarks/build.py
