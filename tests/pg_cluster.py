"""A private PostgreSQL cluster for the tests (`pytest --backend postgresql`) and bench/postgres.py.

initdb makes it in a temporary folder; the server listens on a unix socket there only (no TCP),
trusts local connections, and trades durability for speed (fsync off: it is thrown away). The
server refuses to run as root, so under root (CI) it runs as an unprivileged user
(``postgres``, else ``nobody``). Databases are made from a template, which is cheap.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "complaintctl"


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else Debian's /usr/lib/postgresql/N/bin."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(folder, "initdb").exists():
            return Path(folder)
    return None


class Cluster:
    def __init__(self, name: str = "complaintctl-pg"):
        folder = binaries()
        if folder is None:
            raise RuntimeError("PostgreSQL's initdb and pg_ctl are not installed (apt-get install postgresql)")
        self.bin = folder
        self.root = Path(tempfile.mkdtemp(prefix=f"{name}-"))
        self.data = self.root / "data"
        self.socket = self.root
        self.user = None
        self.port: str | None = None  # PostgreSQL's default, unless start() is given one
        if os.geteuid() == 0:
            import pwd

            for candidate in ("postgres", "nobody"):
                try:
                    self.user = pwd.getpwnam(candidate)
                    break
                except KeyError:
                    continue
            os.chown(self.root, self.user.pw_uid, self.user.pw_gid)
        os.chmod(self.root, 0o755)

    def _run(self, *args: str, quiet: bool = True) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.user is not None:
            command = ["setpriv", f"--reuid={self.user.pw_uid}", f"--regid={self.user.pw_gid}", "--clear-groups",
                       *command]
        subprocess.run(command, check=True, cwd=self.root, stdout=subprocess.DEVNULL if quiet else None,
                       stderr=subprocess.PIPE)

    def start(self, **settings: str) -> Cluster:
        self.port = settings.get("port")
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        options = {"listen_addresses": "''", "unix_socket_directories": f"'{self.socket}'", "fsync": "off",
                   "synchronous_commit": "off", "full_page_writes": "off", "max_connections": "200",
                   "shared_buffers": "64MB", **settings}
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.writelines(f"{k} = {v}\n" for k, v in options.items())
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", "-t", "60", "start")
        return self

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        port = f"&port={self.port}" if self.port else ""
        return f"postgresql:///{database}?host={self.socket}&user={user}{port}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self, name: str, template: str | None = None) -> str:
        for attempt in range(50):  # a template another connection still holds for a moment
            try:
                self.admin(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
                break
            except Exception as exc:  # noqa: BLE001
                if "being accessed by other users" not in str(exc) or attempt == 49:
                    raise
                time.sleep(0.1)
        return self.url(name)

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)
