"""``saidwhat serve``: the store as a web app and JSON API (read-only), on loopback by default."""

from __future__ import annotations

import errno
import os
import socket
import sys
from contextlib import closing

import click

from . import main
from .edge import budget_option


def _upgrade(db: str) -> None:
    """Bring a store written by an older saidwhat to this schema (the server itself only reads).

    Anything that is not such a store is left untouched, for the app to refuse with its own message.
    """
    import sqlite3

    from ..store.connection import connect
    from ..store.schema import SCHEMA_VERSION

    try:
        from pathlib import Path

        with closing(sqlite3.connect(Path(db).resolve().as_uri() + "?mode=ro", uri=True)) as raw:
            version = raw.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error:
        return
    if 1 <= version < SCHEMA_VERSION:
        click.echo(f"saidwhat: upgrading {db} from schema version {version} to {SCHEMA_VERSION}", err=True)
        connect(db).close()


@main.command()
@click.option("--db", default="saidwhat.db", envvar="SAIDWHAT_DB", show_default=True,
              type=click.Path(dir_okay=False), help="The store file (default saidwhat.db, or $SAIDWHAT_DB).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 makes it reachable from other machines).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--timeout", default=2.0, show_default=True, type=click.FloatRange(0.05, 600),
              help="Seconds one request's queries may run before they are stopped.")
@click.option("--edit", is_flag=True,
              help="Accept corrections (mark records right or wrong, fix speakers, kinds and dates, merge and "
                   "split speakers), logged with the editor's name. Without it the store is only read.")
@budget_option
def serve(db: str, host: str, port: int, timeout: float, edit: bool, budget: float) -> None:
    """Serve the store in a browser: search quotes, speakers, articles marked, paste an article.

    The store is opened read-only. Pages are at http://HOST:PORT/, their JSON twins under /api/,
    and the API schema at /openapi.json.

    \b
    Exit codes:
      0  stopped (Ctrl-C)
      2  no store at --db, or not a saidwhat store
      4  HOST:PORT cannot be listened on (in use by another program, or not an address of this machine)
    """
    from ..errors import SaidwhatError
    from ..web import create_app
    from ..web.app import warm_up

    if not os.path.exists(db):
        click.echo(f"saidwhat: no store at {db!r}; create one with: saidwhat ingest PATH --db {db}", err=True)
        sys.exit(2)
    try:
        _upgrade(db)
        loopback = {"127.0.0.1", "localhost", "::1"}
        app = create_app(db, timeout=timeout, edit=edit, allowed_hosts=loopback if host in loopback else None,
                         paste_budget=budget)
    except SaidwhatError as exc:
        click.echo(f"saidwhat: {exc}", err=True)
        sys.exit(exc.exit_code)
    import uvicorn

    sock = _listen(host, port)
    warm_up(app)
    port = sock.getsockname()[1]
    mode = "with corrections (--edit)" if edit else "read-only"
    click.echo(f"saidwhat: serving {db} {mode} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    if edit and host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"saidwhat: warning: editing is open to anyone who can reach {host}:{port}", err=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    server.run(sockets=[sock])


# Its own code: 3 is "no spaCy pipeline" (see saidwhat.errors), 2 bad usage or no store.
EXIT_CANNOT_LISTEN = 4


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` and listening, or a message and exit code 4.

    Bound here, before saying "serving": uvicorn would report a busy port only in its log, after
    the message, and exit with a code that means something else.
    """
    try:
        info = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
        sock = socket.socket(info[0], socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(info[4])
        sock.listen(2048)
    except OSError as exc:
        why = "another program is listening there" if exc.errno == errno.EADDRINUSE else exc.strerror or str(exc)
        click.echo(f"saidwhat: cannot listen on {host}:{port}: {why}; choose another --port "
                   f"(or stop the other server)", err=True)
        sys.exit(EXIT_CANNOT_LISTEN)
    sock.set_inheritable(True)
    return sock
