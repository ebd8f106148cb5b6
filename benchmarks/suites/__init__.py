"""The benchmark suites, found automatically: each module has ORDER, TITLE and run(run) -> Section."""
