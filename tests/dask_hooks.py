"""A Dask worker plugin for tests/test_dask.py: faults injected into the extraction on the workers.

Workers import this module by name (tests/ is on their sys.path, inherited from the test process)."""
from __future__ import annotations

import os
import signal

from distributed.diagnostics.plugin import WorkerPlugin


class Faults(WorkerPlugin):
    """On every worker (restarted ones too): the article named `kill` kills its worker process the
    first time (`marker`, a file, records that it happened); the article named `fail` raises in the
    rules, as a bug that its text triggers would."""

    name = "graphx-test-faults"

    def __init__(self, kill=None, fail=None, marker=None, always=False):
        self.kill, self.fail, self.marker, self.always = kill, fail, marker, always

    def setup(self, worker):
        import graphx.extract as extract

        real = getattr(extract.article_result, "real", extract.article_result)
        plugin = self

        def article_result(article, parts, lex=None):
            if article.name == plugin.kill and (plugin.always or not os.path.exists(plugin.marker)):
                with open(plugin.marker, "a", encoding="utf-8") as handle:
                    handle.write(f"{os.getpid()}\n")
                os.kill(os.getpid(), signal.SIGKILL)
            if article.name == plugin.fail:
                raise ValueError("a rule failed on purpose")
            return real(article, parts, lex)

        article_result.real = real
        extract.article_result = article_result
