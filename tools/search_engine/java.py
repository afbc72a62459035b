"""Find a Java new enough for OpenSearch (``MIN_JAVA``)."""

import os
import re
import shutil
import subprocess
from glob import glob
from pathlib import Path

from tools.search_engine.common import JAVA_HOMES_GLOBS, MIN_JAVA, LauncherError


def java_version(java):
    """The feature version (21, 25, ...) of a java executable, or None."""
    release = Path(java).resolve().parent.parent / "release"
    text = ""
    if release.is_file():
        match = re.search(r'^JAVA_VERSION="([^"]+)"', release.read_text(errors="replace"), re.MULTILINE)
        text = match.group(1) if match else ""
    if not text:
        try:
            result = subprocess.run(  # noqa: S603 - a java executable found on this machine
                [str(java), "-version"], capture_output=True, text=True, timeout=30, check=False
            )
        except (OSError, subprocess.SubprocessError):
            return None
        match = re.search(r'version "([^"]+)"', result.stderr + result.stdout)
        text = match.group(1) if match else ""
    match = re.match(r"(\d+)(?:\.(\d+))?", text)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major  # "1.8.0_392" is Java 8


def find_java():
    """(path, version) of a java >= MIN_JAVA, preferring JAVA_HOME, then the newest installed JDK.

    Raises LauncherError that lists what was found when none is new enough.
    """
    found = {}
    preferred = None
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        preferred = Path(java_home, "bin", "java").resolve()
        found[preferred] = java_version(preferred)
    for pattern in JAVA_HOMES_GLOBS:
        for home in sorted(glob(pattern)):
            java = Path(home, "bin", "java")
            if java.is_file() and java.resolve() not in found:
                found[java.resolve()] = java_version(java)
    on_path = shutil.which("java")
    if on_path and Path(on_path).resolve() not in found:
        found[Path(on_path).resolve()] = java_version(on_path)

    if preferred and (found[preferred] or 0) >= MIN_JAVA:
        return preferred, found[preferred]
    usable = [(version, java) for java, version in found.items() if (version or 0) >= MIN_JAVA]
    if usable:
        version, java = max(usable)
        return java, version
    seen = ", ".join(f"{java} ({version or '?'})" for java, version in found.items()) or "keine"
    raise LauncherError(
        f"OpenSearch braucht Java {MIN_JAVA} oder neuer. Gefunden: {seen}.\n"
        f"Ein JDK ≥ {MIN_JAVA} installieren (z. B. Temurin unter /usr/lib/jvm) oder JAVA_HOME darauf setzen."
    )
