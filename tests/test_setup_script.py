"""Set-up: scripts/system-deps.sh never fails quietly, and the README's commands work as written.

The script runs with a PATH whose `ldconfig`, `apt-get` and `sudo` (and, for the README's
command, `python3`) are small fakes in a temporary folder: the machine's packages are never
touched. The fake apt-get records its arguments and "installs" a package by adding its library
to the fake ldconfig's list, unless the test holds apt's lock.
"""
from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO

SCRIPT = REPO / "scripts" / "system-deps.sh"
PANGO = ("libpango-1.0.so.0", "libpangoft2-1.0.so.0")
SUBSET = "libharfbuzz-subset.so.0"

FAKES = {
    "ldconfig": """#!/bin/sh
while read -r lib; do printf '\\t%s (libc6,x86-64) => /lib/%s\\n' "$lib" "$lib"; done < "$FAKE_STATE/libs"
""",
    "apt-get": """#!/bin/sh
echo "$*" >> "$FAKE_STATE/apt-calls"
for arg in "$@"; do [ "$arg" = update ] && exit 0; done
if [ -e "$FAKE_STATE/lock-held" ]; then
  echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (unattended-upgr)" >&2
  exit 100
fi
for arg in "$@"; do
  case "$arg" in
    libpango-1.0-0) echo libpango-1.0.so.0 >> "$FAKE_STATE/libs" ;;
    libpangoft2-1.0-0) echo libpangoft2-1.0.so.0 >> "$FAKE_STATE/libs" ;;
    libharfbuzz-subset0) echo libharfbuzz-subset.so.0 >> "$FAKE_STATE/libs" ;;
  esac
done
""",
    "sudo": '#!/bin/sh\nexec "$@"\n',
    # `python3 -m venv DIR` makes a venv whose activate script puts DIR/bin first on PATH and whose
    # pip "installs" a briefgen console script that records how it was called.
    "python3": """#!/bin/sh
echo "python3 $*" >> "$FAKE_STATE/calls"
[ "$1 $2" = "-m venv" ] || exit 0
mkdir -p "$3/bin"
echo "PATH=\\"$(pwd)/$3/bin:\\$PATH\\"; export PATH" > "$3/bin/activate"
cp "$FAKE_BIN/venv-pip" "$3/bin/pip"
""",
    "venv-pip": """#!/bin/sh
echo "pip $*" >> "$FAKE_STATE/calls"
printf '#!/bin/sh\\necho "briefgen $*" >> "$FAKE_STATE/calls"\\n' > "$(dirname "$0")/briefgen"
chmod +x "$(dirname "$0")/briefgen"
""",
}


class Machine:
    """A fake machine: which libraries it has, whether apt's lock is held, what was called."""

    def __init__(self, root: Path, libs: tuple[str, ...], lock_held: bool):
        self.bin, self.state = root / "bin", root / "state"
        self.bin.mkdir()
        self.state.mkdir()
        for name, text in FAKES.items():
            path = self.bin / name
            path.write_text(text)
            path.chmod(path.stat().st_mode | stat.S_IXUSR)
        (self.state / "libs").write_text("".join(f"{lib}\n" for lib in libs))
        if lock_held:
            (self.state / "lock-held").touch()

    def run(self, command: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
        base = {k: v for k, v in os.environ.items() if k != "BRIEFGEN_ALLOW_SLOW_FONTS"}
        base.update(PATH=f"{self.bin}:/usr/bin:/bin", FAKE_STATE=str(self.state), FAKE_BIN=str(self.bin), **env)
        return subprocess.run(["sh", "-c", command], cwd=cwd, env=base, capture_output=True, text=True, timeout=60)

    def calls(self, name: str) -> str:
        path = self.state / name
        return path.read_text() if path.exists() else ""


def run_script(tmp_path: Path, libs: tuple[str, ...], lock_held: bool, **env: str):
    machine = Machine(tmp_path, libs, lock_held)
    return machine, machine.run(f"sh {SCRIPT}", tmp_path, **env)


def test_a_held_apt_lock_that_leaves_harfbuzz_subset_missing_fails_saying_what_to_run(tmp_path):
    machine, run = run_script(tmp_path, PANGO, lock_held=True)
    assert run.returncode == 1
    assert "still missing: libharfbuzz-subset0" in run.stderr
    assert "Could not get lock" in run.stderr                 # apt's own reason, passed on
    assert "apt-get install -y libharfbuzz-subset0" in run.stderr
    assert "BRIEFGEN_ALLOW_SLOW_FONTS=1" in run.stderr


def test_apt_waits_for_its_lock_before_giving_up(tmp_path):
    machine, _ = run_script(tmp_path, PANGO, lock_held=True)
    install = [line for line in machine.calls("apt-calls").splitlines() if "install" in line]
    assert install and "-o DPkg::Lock::Timeout=120" in install[0]


def test_missing_pango_fails_even_when_slow_fonts_are_allowed(tmp_path):
    _, run = run_script(tmp_path, (), lock_held=True, BRIEFGEN_ALLOW_SLOW_FONTS="1")
    assert run.returncode == 1
    assert "Pango is required" in run.stderr
    assert "apt-get install -y libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0" in run.stderr


def test_allowing_slow_fonts_goes_on_without_harfbuzz_subset_with_a_warning(tmp_path):
    _, run = run_script(tmp_path, PANGO, lock_held=True, BRIEFGEN_ALLOW_SLOW_FONTS="1")
    assert run.returncode == 0
    assert "warning" in run.stderr and "libharfbuzz-subset" in run.stderr


def test_a_successful_install_exits_0(tmp_path):
    machine, run = run_script(tmp_path, (), lock_held=False)
    assert run.returncode == 0, run.stderr
    assert "missing" not in run.stderr
    assert SUBSET in machine.calls("libs")


def test_nothing_missing_installs_nothing(tmp_path):
    machine, run = run_script(tmp_path, (*PANGO, SUBSET), lock_held=False)
    assert run.returncode == 0 and run.stderr == ""
    assert machine.calls("apt-calls") == ""


def readme_setup_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Set up on a fresh machine", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


def readme_use_lines() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip()]


@pytest.fixture
def clone(tmp_path) -> Path:
    """A folder with the set-up script where the README expects it."""
    folder = tmp_path / "clone"
    (folder / "scripts").mkdir(parents=True)
    shutil.copy(SCRIPT, folder / "scripts" / "system-deps.sh")
    return folder


def test_the_readme_first_command_stops_at_a_missing_library(tmp_path, clone):
    machine = Machine(tmp_path, PANGO, lock_held=True)
    run = machine.run(readme_setup_commands()[0], clone)
    assert run.returncode != 0
    assert machine.calls("calls") == ""                        # no venv, no pip, no build after it
    assert run.stderr.rstrip().splitlines()[-1].startswith("Or go on without HarfBuzz-subset")


def test_the_readme_use_commands_find_briefgen_after_the_setup_command(tmp_path, clone):
    machine = Machine(tmp_path, (*PANGO, SUBSET), lock_held=False)
    first_use = readme_use_lines()[0]
    run = machine.run(f"{readme_setup_commands()[0]} && {first_use}", clone)
    assert run.returncode == 0, run.stderr
    assert f"briefgen {first_use.split(' ', 1)[1]}" in machine.calls("calls").splitlines()
