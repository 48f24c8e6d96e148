"""graphx's own exceptions and the exit codes the CLI maps them to."""
from enum import IntEnum


class ExitStatus(IntEnum):
    SUCCESS = 0
    ERROR = 1            # unexpected failure
    USAGE = 2            # bad options (click's own code)
    INPUT = 3            # missing path, no readable articles, bad graph/store file
    OUTPUT = 4           # output folder or store cannot be written
    WARNINGS = 5         # build finished, but some inputs were skipped
    MODEL = 6            # model cannot be loaded / is missing
    NO_PATH = 7          # `graphx path`: the two entities are not connected
    CLUSTER = 8          # --dask: scheduler unreachable, no workers, dask missing, a worker failed
    INTERRUPTED = 130    # Ctrl-C / SIGTERM


class GraphxError(Exception):
    """Base class; `exit_status` tells the CLI which code to return; `details` are lines the CLI
    shows as warnings before the one-line error (each skipped file with its reason)."""

    exit_status = ExitStatus.ERROR

    def __init__(self, *args, details=()):
        super().__init__(*args)
        self.details = tuple(details)


class UsageError(GraphxError):
    """A bad option value that click's own checks cannot see (exit 2, like click's usage errors)."""

    exit_status = ExitStatus.USAGE


class InputError(GraphxError):
    exit_status = ExitStatus.INPUT


class OutputError(GraphxError):
    exit_status = ExitStatus.OUTPUT


class ModelError(GraphxError):
    exit_status = ExitStatus.MODEL


class ClusterError(GraphxError):
    """`graphx build --dask`: the Dask cluster cannot be used."""

    exit_status = ExitStatus.CLUSTER


class GraphFormatError(InputError):
    """A graph.json or store that is corrupt, truncated or not graphx's."""


class StoreError(GraphxError):
    exit_status = ExitStatus.OUTPUT


class StoreBusyError(StoreError):
    """Another build holds the store."""


class EntityNotFound(InputError):
    def __init__(self, name, suggestions=()):
        self.name = name
        self.suggestions = list(suggestions)
        hint = f"; did you mean {', '.join(repr(s) for s in self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown entity {name!r}{hint}")


class AmbiguousEntity(InputError):
    """A name that is an alias of several entities."""

    def __init__(self, name, candidates=()):
        self.name = name
        self.candidates = list(candidates)
        super().__init__(f"{name!r} is ambiguous: it names {', '.join(repr(c) for c in self.candidates)}; "
                         "use the full name")
