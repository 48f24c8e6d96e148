"""The store: one SQLite file holding articles, cached per-article results and build snapshots.

Tables (schema version in ``PRAGMA user_version``, graphx's mark in ``PRAGMA application_id``):

- ``articles(name, sha256, text, first_seen, last_seen, current)``: every article ever built;
  ``current`` marks the input set of the latest build.
- ``results(sha256, extractor_key, result, created)``: one ``ArticleResult`` (JSON) per content hash
  and extractor key (model + rules version). Unchanged articles are never processed again.
- ``snapshots(id, created, extractor_key, n_articles, n_nodes, n_edges, articles, graph)``: every
  build that changes something records one; ``articles`` is the JSON list of ``{"name", "sha256"}`` and ``graph`` the
  zlib-compressed node-link JSON of the graph built.

All writes of a build happen in one transaction (``commit_build``); an interrupted build leaves the
store as it was. ``build_lock()`` is an exclusive lock across processes (an ``flock`` on
``<store>.lock``, a file that exists only while a build runs); a second build waits ``lock_timeout``
seconds, then raises ``StoreBusyError``.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
import zlib
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from graphx.errors import GraphFormatError, StoreBusyError, StoreError

APPLICATION_ID = 0x67727078          # "grpx"
SCHEMA_VERSION = 1
LOCK_TIMEOUT = 5.0                   # seconds a second build waits for the first one

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    name TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    text TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    current INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS results (
    sha256 TEXT NOT NULL,
    extractor_key TEXT NOT NULL,
    result TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (sha256, extractor_key)
);
CREATE TABLE IF NOT EXISTS snapshots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    extractor_key TEXT NOT NULL,
    n_articles INTEGER NOT NULL,
    n_nodes INTEGER NOT NULL,
    n_edges INTEGER NOT NULL,
    articles TEXT NOT NULL,
    graph BLOB NOT NULL
);
"""
TABLES = {"articles", "results", "snapshots"}
READ_CHUNK = 500            # cached results read back at a time


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """One open store file. Use `Store.open(path)`; close with `close()` (or use `with`)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, lock_timeout: float = LOCK_TIMEOUT):
        self.path = path
        self.conn = conn
        self.lock_timeout = lock_timeout
        self._lock_depth = 0

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path, *, create: bool = True, lock_timeout: float = LOCK_TIMEOUT) -> Store:
        """Open (and with `create`, create) a store; StoreError for a corrupt, foreign or unwritable file."""
        path = Path(path)
        if path.is_dir():
            raise StoreError(f"store {path} is a folder, expected an SQLite file")
        if not path.exists():
            if not create:
                raise StoreError(f"store {path}: no such file")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create store folder {path.parent}: {exc.strerror or exc}") from None
        elif path.stat().st_size and not _has_sqlite_header(path):
            raise StoreError(f"store {path} is not an SQLite file (corrupt or not graphx's)")
        try:
            conn = sqlite3.connect(str(path), isolation_level=None, timeout=30.0)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {path}: {exc}") from None
        store = cls(path, conn, lock_timeout)
        try:
            store._init_schema(create)
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(_describe(path, exc)) from None
        except StoreError:
            conn.close()
            raise
        return store

    def _init_schema(self, create: bool) -> None:
        conn = self.conn
        conn.execute("PRAGMA busy_timeout = 30000")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app_id == APPLICATION_ID:
            if version > SCHEMA_VERSION:
                raise StoreError(f"store {self.path} was written by a newer graphx (schema {version}); "
                                 "upgrade graphx")
            if not TABLES <= tables:
                raise StoreError(f"store {self.path} is damaged: missing tables {sorted(TABLES - tables)}")
            return
        if app_id != 0 or tables - {"sqlite_sequence"}:
            raise StoreError(f"store {self.path} is an SQLite file of another application, not a graphx store")
        if not create:
            raise StoreError(f"store {self.path} is empty, not a graphx store")
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{SCHEMA}\nPRAGMA application_id = {APPLICATION_ID};\n"
                               f"PRAGMA user_version = {SCHEMA_VERSION};\nCOMMIT;")
        except sqlite3.OperationalError as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if "readonly" in str(exc) or "unable to open" in str(exc):
                raise StoreError(f"store {self.path} is not writable") from None
            raise
        try:
            conn.execute("PRAGMA journal_mode = WAL")  # readers (diff, snapshots) never block a build
        except sqlite3.Error:
            pass

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    # -- the build lock ------------------------------------------------------------------------

    @contextmanager
    def build_lock(self, timeout: float | None = None):
        """Exclusive across processes for the whole build; StoreBusyError after `timeout` seconds."""
        if self._lock_depth:                        # re-entrant inside one Store object
            self._lock_depth += 1
            try:
                yield self
            finally:
                self._lock_depth -= 1
            return
        timeout = self.lock_timeout if timeout is None else timeout
        lock_path = self.path.with_name(self.path.name + ".lock")
        fd = _acquire_lock_file(lock_path, timeout, self.path)
        try:
            self._lock_depth = 1
            try:
                yield self
            finally:
                self._lock_depth = 0
                try:                                # removed while still held: no file is left behind
                    os.unlink(lock_path)
                except OSError:
                    pass
                _unlock(fd)
        finally:
            os.close(fd)

    # -- reading -------------------------------------------------------------------------------

    def cached_result(self, sha256: str, extractor_key: str) -> dict | None:
        """The ArticleResult stored for this content hash and extractor key, or None."""
        row = self._query("SELECT result FROM results WHERE sha256 = ? AND extractor_key = ?",
                          (sha256, extractor_key)).fetchone()
        if row is None:
            return None
        try:
            return json.loads(row[0])
        except ValueError:
            return None                               # a damaged cache entry is simply recomputed

    def cached_results(self, hashes, extractor_key: str) -> dict:
        """{sha256: ArticleResult} for those of `hashes` that are cached (one query per 500)."""
        hashes = list(dict.fromkeys(hashes))
        found = {}
        for i in range(0, len(hashes), 500):
            chunk = hashes[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for sha, text in self._query(f"SELECT sha256, result FROM results WHERE extractor_key = ? "
                                         f"AND sha256 IN ({marks})", (extractor_key, *chunk)):
                try:
                    found[sha] = json.loads(text)
                except ValueError:
                    pass
        return found

    def cached_hashes(self, hashes, extractor_key: str) -> set:
        """Those of `hashes` whose result for this key is cached and readable (the results stay on disk)."""
        hashes = list(dict.fromkeys(hashes))
        found = set()
        for i in range(0, len(hashes), 500):
            chunk = hashes[i:i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(sha for (sha,) in self._query(
                f"SELECT sha256 FROM results WHERE extractor_key = ? AND sha256 IN ({marks}) AND json_valid(result)",
                (extractor_key, *chunk)))
        return found

    def iter_results(self, articles, extractor_key: str):
        """The cached ArticleResult of each of `articles` (all cached), in their order, named as they
        are named now; read READ_CHUNK at a time, so that they need not all be in memory."""
        for i in range(0, len(articles), READ_CHUNK):
            part = articles[i:i + READ_CHUNK]
            found = self.cached_results([a.sha256 for a in part], extractor_key)
            for article in part:
                yield dict(found[article.sha256], article=article.name)

    def articles(self, current_only: bool = False) -> list[dict]:
        sql = "SELECT name, sha256, first_seen, last_seen, current FROM articles"
        if current_only:
            sql += " WHERE current = 1"
        return [{"name": n, "sha256": s, "first_seen": f, "last_seen": l, "current": bool(c)}
                for n, s, f, l, c in self._query(sql + " ORDER BY name")]

    def article_text(self, name: str) -> str | None:
        row = self._query("SELECT text FROM articles WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def snapshots(self) -> list[dict]:
        """Every snapshot, oldest first: id, created, extractor_key, articles, nodes, edges."""
        rows = self._query("SELECT id, created, extractor_key, n_articles, n_nodes, n_edges FROM snapshots "
                           "ORDER BY id").fetchall()
        return [{"id": i, "created": c, "extractor_key": k, "articles": a, "nodes": n, "edges": e}
                for i, c, k, a, n, e in rows]

    def resolve_snapshot(self, ref) -> int:
        """'latest', 'latest~N', '@N' or N -> an existing snapshot id (StoreError otherwise)."""
        text = str(ref).strip().lstrip("@")
        ids = [r[0] for r in self._query("SELECT id FROM snapshots ORDER BY id")]
        if text == "latest" or text.startswith("latest~"):
            back = 0
            if text != "latest":
                try:
                    back = int(text[len("latest~"):])
                except ValueError:
                    raise StoreError(f"bad snapshot reference {ref!r}: use latest, latest~N or a number") from None
            if back < 0 or back >= len(ids):
                have = f"only {len(ids)} snapshot{'s' if len(ids) != 1 else ''}" if ids else "no snapshots yet"
                raise StoreError(f"store {self.path} has {have}; cannot resolve {ref!r}")
            return ids[-1 - back]
        try:
            number = int(text)
        except ValueError:
            raise StoreError(f"bad snapshot reference {ref!r}: use latest, latest~N or a number") from None
        if number not in set(ids):
            known = f" (snapshots {ids[0]}..{ids[-1]})" if ids else " (no snapshots yet)"
            raise StoreError(f"store {self.path} has no snapshot {number}{known}")
        return number

    def snapshot_info(self, ref) -> dict:
        snap_id = self.resolve_snapshot(ref)
        row = self._query("SELECT id, created, extractor_key, n_articles, n_nodes, n_edges, articles "
                          "FROM snapshots WHERE id = ?", (snap_id,)).fetchone()
        i, c, k, a, n, e, arts = row
        return {"id": i, "created": c, "extractor_key": k, "articles": a, "nodes": n, "edges": e,
                "article_list": json.loads(arts)}

    def snapshot_graph(self, ref="latest"):
        """The graph recorded by a snapshot ('latest', 'latest~N', '@N' or N) as a MultiDiGraph."""
        from graphx.graph import from_json_data

        snap_id = self.resolve_snapshot(ref)
        blob = self._query("SELECT graph FROM snapshots WHERE id = ?", (snap_id,)).fetchone()[0]
        try:
            data = json.loads(zlib.decompress(blob).decode("utf-8"))
            return from_json_data(data)
        except (zlib.error, ValueError, GraphFormatError) as exc:
            raise StoreError(f"store {self.path}: snapshot {snap_id} is damaged ({exc})") from None

    # -- writing -------------------------------------------------------------------------------

    def commit_build(self, articles, results, extractor_key: str, G) -> int:
        """Record one build in ONE transaction; returns the id of its snapshot.

        articles: the current input set (`graphx.reader.Article`s); results: {article name: ArticleResult}
        (cached or new); G: the graph built from them. Only new or changed articles and results are
        written; articles no longer in the inputs are marked as not current. A build that changes
        nothing (same articles, extractor and graph as the latest snapshot, whatever its time stamp)
        records no new snapshot: the latest one's id is returned.
        """
        from graphx.graph import to_json_data

        stamp = now()
        graph_text = json.dumps(to_json_data(G), ensure_ascii=False, separators=(",", ":"))
        graph_blob = zlib.compress(graph_text.encode("utf-8"), 6)
        snapshot_articles = json.dumps([{"name": a.name, "sha256": a.sha256}
                                        for a in sorted(articles, key=lambda a: a.name)], ensure_ascii=False)
        with self._transaction() as conn:
            known = dict(conn.execute("SELECT name, sha256 FROM articles"))
            new_rows, changed_rows = [], []
            for a in articles:
                old = known.get(a.name)
                if old is None:
                    new_rows.append((a.name, a.sha256, a.text, stamp, stamp))
                elif old != a.sha256:
                    changed_rows.append((a.sha256, a.text, a.name))
            conn.executemany("INSERT INTO articles (name, sha256, text, first_seen, last_seen, current) "
                             "VALUES (?, ?, ?, ?, ?, 1)", new_rows)
            conn.executemany("UPDATE articles SET sha256 = ?, text = ? WHERE name = ?", changed_rows)
            conn.execute("UPDATE articles SET current = 0 WHERE current = 1")
            conn.executemany("UPDATE articles SET current = 1, last_seen = ? WHERE name = ?",
                             [(stamp, a.name) for a in articles])
            by_name = {a.name: a for a in articles}
            result_rows = []
            for name, result in results.items():
                article = by_name.get(name)
                sha = article.sha256 if article else result.get("sha256")
                if sha:
                    result_rows.append((sha, extractor_key, json.dumps(result, ensure_ascii=False), stamp))
            conn.executemany("INSERT OR IGNORE INTO results (sha256, extractor_key, result, created) "
                             "VALUES (?, ?, ?, ?)", result_rows)
            latest = conn.execute("SELECT id, extractor_key, articles, graph FROM snapshots "
                                  "ORDER BY id DESC LIMIT 1").fetchone()
            if latest and latest[1:3] == (extractor_key, snapshot_articles) and \
                    _same_graph(latest[3], graph_text):
                snapshot_id = latest[0]
            else:
                cursor = conn.execute(
                    "INSERT INTO snapshots (created, extractor_key, n_articles, n_nodes, n_edges, articles, graph) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (stamp, extractor_key, len(articles), G.number_of_nodes(), G.number_of_edges(),
                     snapshot_articles, graph_blob))
                snapshot_id = cursor.lastrowid
        return snapshot_id

    def add_results(self, rows, extractor_key: str) -> None:
        """Cache new results [(sha256, ArticleResult), ...] in ONE transaction of their own; a build
        streams its results in with these before `commit_build` records articles and snapshot."""
        stamp = now()
        rows = [(sha, extractor_key, json.dumps(result, ensure_ascii=False), stamp) for sha, result in rows]
        if not rows:
            return
        with self._transaction() as conn:      # REPLACE: a damaged entry was recomputed
            conn.executemany("INSERT OR REPLACE INTO results (sha256, extractor_key, result, created) "
                             "VALUES (?, ?, ?, ?)", rows)

    @contextmanager
    def _transaction(self):
        """BEGIN IMMEDIATE .. COMMIT; anything raised (Ctrl-C too) rolls back; sqlite errors -> StoreError."""
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            if isinstance(exc, sqlite3.Error):
                raise StoreError(_describe(self.path, exc)) from None
            raise

    # -- helpers -------------------------------------------------------------------------------

    def _query(self, sql, params=()):
        try:
            return self.conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise StoreError(_describe(self.path, exc)) from None


def _same_graph(blob: bytes, graph_text: str) -> bool:
    """Whether a snapshot's graph equals this node-link JSON except for the build time."""
    try:
        old = json.loads(zlib.decompress(blob).decode("utf-8"))
    except (zlib.error, ValueError):
        return False
    new = json.loads(graph_text)
    for data in (old, new):
        if isinstance(data, dict) and isinstance(data.get("graph"), dict):
            data["graph"].pop("built_at", None)
    return old == new


def _acquire_lock_file(lock_path: Path, timeout: float, store_path: Path) -> int:
    """An open, locked descriptor of `lock_path`. The holder deletes the file before it unlocks, so
    a lock won on a file that is no longer at `lock_path` is dropped and taken again on the new one."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot create lock file {lock_path}: {exc.strerror or exc}") from None
        try:
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    raise StoreBusyError(f"store {store_path} is in use by another build "
                                         f"(waited {timeout:g} s); try again when it has finished")
                time.sleep(0.05)
            try:
                if os.path.samestat(os.fstat(fd), os.stat(lock_path)):
                    return fd
            except OSError:
                pass
            _unlock(fd)
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


def _has_sqlite_header(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError as exc:
        raise StoreError(f"cannot read store {path}: {exc.strerror or exc}") from None


def _describe(path, exc) -> str:
    text = str(exc)
    if "readonly" in text or "unable to open" in text:
        return f"store {path} is not writable ({text})"
    if "locked" in text or "busy" in text:
        return f"store {path} is in use by another build ({text})"
    if "malformed" in text or "not a database" in text or "encrypted" in text:
        return f"store {path} is corrupt ({text})"
    return f"store {path}: {text}"


try:
    import fcntl

    def _try_lock(fd) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
except ImportError:                                  # Windows
    import msvcrt

    def _try_lock(fd) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


DEFAULT_STORE = Path("output") / "graphx.sqlite"


def is_snapshot_ref(ref: str) -> bool:
    text = str(ref).strip()
    body = text.removeprefix("@")
    return body == "latest" or body.startswith("latest~") or body.isdigit()


def load_graph_ref(ref, store_path=None):
    """A graph from a graph.json path, or from a snapshot reference ('@3', '3', 'latest', 'latest~1').

    An existing file wins over a snapshot number of the same name unless '@' is given. Any problem
    with the store becomes a one-line GraphFormatError (bad input), not a traceback.
    Returns (graph, display name).
    """
    from graphx.graph import load_graph

    text = str(ref)
    if not text.startswith("@") and (Path(text).exists() or not is_snapshot_ref(text)):
        return load_graph(text), text
    path = Path(store_path) if store_path else DEFAULT_STORE
    try:
        with Store.open(path, create=False) as store:
            snap_id = store.resolve_snapshot(text)
            return store.snapshot_graph(snap_id), f"snapshot {snap_id}"
    except StoreError as exc:
        raise GraphFormatError(str(exc)) from None


def default_diff_refs(store_path=None) -> tuple[str | None, str]:
    """What a plain `graphx diff` compares: ('latest~1', 'latest'), or (None, '@N') when the store
    holds one build only (nothing to compare yet). GraphFormatError for a missing or empty store."""
    path = Path(store_path) if store_path else DEFAULT_STORE
    try:
        with Store.open(path, create=False) as store:
            ids = [s["id"] for s in store.snapshots()]
    except StoreError as exc:
        raise GraphFormatError(str(exc)) from None
    if not ids:
        raise GraphFormatError(f"store {path} has no snapshots yet; run graphx build first")
    return (None, f"@{ids[0]}") if len(ids) == 1 else ("latest~1", "latest")
