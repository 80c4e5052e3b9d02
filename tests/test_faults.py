"""Faults: bad inputs, bugs, Ctrl-C and kill at every stage, a full disk. One line each, and nothing lost.

The interruption and full-disk tests run `kg build` as a real process and send it
real signals (to its whole process group, as a terminal's Ctrl-C does) at moments
they observe from outside: the input it is reading is a pipe we have not written
to yet; the extraction cache has its first entry but not its last; a temporary
output file exists.
"""
import os
import pickle
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from kg.cli import main
from kg.datamodel import Extraction
from kg.errors import OutputError
from kg.rdf.write import all_or_nothing, atomic_path, write_text

SAMPLES = ROOT / "kg" / "samples"
PAGE = SAMPLES / "xiangtan_2023-04-18.txt"
OUTPUTS = ("graph.ttl", "graph.html")


def kg_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", *args]


def archive(folder: Path, n: int) -> Path:
    """`n` pages of our two sample pages, each issue on its own day (so each article is new)."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("xiangtan_*.txt"))]
    for i in range(n):
        day = date(2023, 4, 18) + timedelta(days=i)
        text = re.sub(r"2023年4月1[89]日", f"{day.year}年{day.month}月{day.day}日", pages[i % 2], count=1)
        (folder / f"page{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.endswith(".tmp"))


def stderr_lines(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.strip()]


@pytest.fixture
def previous(tmp_path):
    """An output folder holding a previous build's graph.ttl and graph.html, and their bytes."""
    out = tmp_path / "out"
    res = subprocess.run(kg_cmd("build", str(PAGE), "--out", str(out), "--no-cache", "-j", "1"),
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    return out, snapshot(out)


# --- bad inputs: one line each, the rest built ------------------------------------------------------

def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    """Each kind of bad input: its path and the line `kg build` must print for it."""
    cases = {}
    pdf = tmp / "scan.txt"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    cases["binary (PDF)"] = (pdf, "looks binary (PDF), not text")
    noise = tmp / "noise.txt"
    noise.write_bytes(bytes((i * 7919 + 13) % 256 for i in range(5000)))
    cases["binary (no magic)"] = (noise, "looks binary (NUL bytes), not text")
    empty = tmp / "empty.txt"
    empty.write_bytes(b"")
    cases["empty"] = (empty, "is empty")
    big = tmp / "huge.txt"
    with big.open("wb") as f:
        f.truncate(51 * 1024 * 1024)        # sparse: over the 50 MB page limit without using the disk
    cases["too large"] = (big, "is larger than 50 MB, the limit for one page")
    feed = tmp / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "缺一个括号"\n', encoding="utf-8")
    cases["broken JSON line"] = (feed, "line 1: not valid JSON (Expecting ',' delimiter)")
    folder = tmp / "scans"
    folder.mkdir()
    (folder / "p1.pdf").write_bytes(b"%PDF-1.4")
    cases["folder with nothing usable"] = (folder, "folder holds no .txt or .jsonl files")
    cases["missing path"] = (tmp / "nope.txt", "no such file or folder")
    return cases


KINDS = ["binary (PDF)", "binary (no magic)", "empty", "too large", "broken JSON line", "folder with nothing usable",
         "missing path"]


@pytest.mark.parametrize("kind", KINDS)
def test_faults_bad_input_named_in_one_line_rest_built(kind, tmp_path):
    bad, message = _bad_inputs(tmp_path)[kind]
    runner = CliRunner()
    res = runner.invoke(main, ["build", str(PAGE), str(bad), "--out", str(tmp_path / "o"), "--no-html", "-j", "1"])
    assert res.exit_code == 1, res.output
    assert f"kg: {bad}: {message}" in res.stderr.splitlines()
    assert "Traceback" not in res.output
    assert (tmp_path / "o" / "graph.ttl").stat().st_size > 1000          # the good page was built
    alone = runner.invoke(main, ["build", str(bad), "--out", str(tmp_path / "o2"), "-j", "1"])
    assert alone.exit_code == 2
    assert alone.stderr.splitlines() == [f"kg: {bad}: {message}", "kg: nothing to build: no input gave an article"]
    assert not (tmp_path / "o2" / "graph.ttl").exists()


def test_faults_every_bad_input_at_once(tmp_path):
    cases = _bad_inputs(tmp_path)
    res = CliRunner().invoke(main, ["build", str(PAGE), *[str(p) for p, _ in cases.values()],
                                    "--out", str(tmp_path / "o"), "--no-html", "-j", "1"])
    assert res.exit_code == 1
    assert sorted(res.stderr.splitlines()) == sorted(f"kg: {p}: {m}" for p, m in cases.values())


def _without_file_permission_override() -> list[str]:
    """A prefix under which root obeys file permissions (it drops CAP_DAC_OVERRIDE); none needed for others."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("setpriv (util-linux) is needed to test unreadable files as root")
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--"]


def test_faults_unreadable_file_and_folder(tmp_path):
    prefix = _without_file_permission_override()
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(PAGE, inputs / "good.txt")
    locked = inputs / "locked.txt"
    shutil.copy(PAGE, locked)
    locked.chmod(0)
    shut = inputs / "shut"
    shut.mkdir()
    shutil.copy(PAGE, shut / "inner.txt")
    shut.chmod(0)
    try:
        res = subprocess.run(prefix + kg_cmd("build", str(inputs), "--out", str(tmp_path / "o"), "--no-html",
                                             "--no-cache", "-j", "1"), capture_output=True, text=True, timeout=300)
    finally:
        shut.chmod(0o755)
    assert res.returncode == 1, res.stderr
    assert sorted(stderr_lines(res.stderr)) == [f"kg: {locked}: cannot be read (permission denied)",
                                                f"kg: {shut}: cannot be read (permission denied)"]
    assert "built 2 input file(s)" in res.stdout


# --- bugs: an extractor that raises costs its article; any other costs one line ---------------------

def test_faults_extractor_bug_skips_that_article_only(tmp_path, monkeypatch):
    from kg.extract import persons

    real = persons.run

    def buggy(doc):
        if "游泳" in doc.text:
            raise IndexError("list index out of range")
        return real(doc)

    monkeypatch.setattr(persons, "run", buggy)
    args = ["build", str(PAGE), "--out", str(tmp_path / "o"), "--no-html", "--no-cache", "-j", "1"]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 1, res.output
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in res.output
    assert re.fullmatch(r"kg: xiangtan_2023-04-18\.txt: article 4 「2023年湘潭市中小学生游泳锦标赛落幕 湘乡市代表队获团体…」: "
                        r"extraction failed \(IndexError: list index out of range\), article skipped "
                        r"\(a bug: please report it\)", lines[0]), lines[0]
    assert int(re.search(r"persons (\d+)", res.stdout).group(1)) >= 10           # the other articles built
    verbose = CliRunner().invoke(main, args + ["-v"])
    assert "Traceback (most recent call last)" in verbose.stderr and "in buggy" in verbose.stderr


@pytest.mark.parametrize("command, target", [
    (["build", str(PAGE), "--no-html"], "kg.run.build.build_kb"),
    (["query", "ASK { ?s ?p ?o }"], "kg.sparql.query.run_query"),
    (["ner", str(SAMPLES / "articles.jsonl")], "kg.extract.ner.run_lines"),
])
def test_faults_unexpected_error_is_one_line_verbose_shows_traceback(command, target, tmp_path, monkeypatch):
    def boom(*a, **k):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(target, boom)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "graph.ttl").write_text("<https://e.org/a> <https://e.org/b> 1 .\n", encoding="utf-8")
    res = CliRunner().invoke(main, command)
    name = command[0]
    assert res.exit_code == 2
    assert res.stderr.splitlines() == [f"kg: {name} failed unexpectedly (RuntimeError: boom); "
                                       "run with --verbose for the traceback"]
    res = CliRunner().invoke(main, command + ["--verbose"])
    assert res.exit_code == 2 and "Traceback (most recent call last)" in res.stderr and "in boom" in res.stderr


def test_faults_keyboard_interrupt_is_one_line(monkeypatch, tmp_path):
    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.run.build.build_kb", interrupted)
    res = CliRunner().invoke(main, ["build", str(PAGE), "--out", str(tmp_path)])
    assert res.exit_code == 130
    assert stderr_lines(res.stderr) == ["kg: interrupted; the previous outputs are left as they were"]


def test_faults_closed_pipe_is_quiet(tmp_path):
    shutil.copy(SAMPLES / "articles.jsonl", tmp_path / "a.jsonl")
    lines = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
    (tmp_path / "a.jsonl").write_text("\n".join(lines * 200) + "\n", encoding="utf-8")
    proc = subprocess.Popen(kg_cmd("ner", str(tmp_path / "a.jsonl")), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()                     # `kg ner ... | head -1`
    err = proc.stderr.read().decode()
    proc.wait(timeout=300)
    assert first.startswith(b'{"id"')
    assert proc.returncode == 141 and "Traceback" not in err and "Error" not in err


# --- outputs: all replaced together, or none ---------------------------------------------------------

def test_faults_atomic_files_change_together_or_not_at_all(tmp_path):
    write_text("old ttl", tmp_path / "graph.ttl")
    write_text("old html", tmp_path / "graph.html")
    with pytest.raises(RuntimeError), all_or_nothing():
        write_text("new ttl", tmp_path / "graph.ttl")
        assert (tmp_path / "graph.ttl").read_text() == "old ttl"         # not renamed until the end
        raise RuntimeError("the HTML could not be rendered")
    assert [p.read_text() for p in (tmp_path / "graph.ttl", tmp_path / "graph.html")] == ["old ttl", "old html"]
    assert leftovers(tmp_path) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["graph.html", "graph.ttl"]
    with all_or_nothing():
        write_text("new ttl", tmp_path / "graph.ttl")
        write_text("new html", tmp_path / "graph.html")
    assert [p.read_text() for p in (tmp_path / "graph.ttl", tmp_path / "graph.html")] == ["new ttl", "new html"]
    assert leftovers(tmp_path) == []


def test_faults_write_failure_names_the_file(tmp_path):
    target = tmp_path / "graph.ttl"
    write_text("old", target)
    with pytest.raises(OutputError) as e, atomic_path(target) as tmp:
        tmp.write_text("partial", encoding="utf-8")
        raise OSError(28, "No space left on device")
    assert str(e.value) == f"{target}: cannot be written (no space left on device); the previous outputs are left as they were"
    assert target.read_text() == "old" and leftovers(tmp_path) == []
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="cannot be written"):
        write_text("y", blocker / "graph.ttl")          # its folder is a file


# --- interrupted builds: a real process, real signals -------------------------------------------------

def _start(args: list[str]) -> subprocess.Popen:
    """A build as a terminal runs it in the foreground: Ctrl-C at its default even when whatever runs the tests
    ignores it (a shell's background job does, and a Python child keeps what it inherits)."""
    return subprocess.Popen(kg_cmd(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _interrupt(proc: subprocess.Popen, sig: int) -> tuple[int, str]:
    os.killpg(proc.pid, sig)                 # the whole group, workers too, as a terminal does
    _, err = proc.communicate(timeout=120)
    return proc.returncode, err


def _wait_for(cond, proc: subprocess.Popen, what: str, seconds: float = 240) -> None:
    deadline = time.monotonic() + seconds
    while not cond():
        if proc.poll() is not None:
            pytest.fail(f"the build ended (status {proc.returncode}) before {what}: {proc.stderr.read()}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"no {what} in {seconds} s")
        time.sleep(0.002)


def _assert_nothing_lost(out: Path, before: dict[str, bytes], status: int, err: str) -> None:
    assert status == 130, err
    assert stderr_lines(err) == ["kg: interrupted; the previous outputs are left as they were"]
    assert snapshot(out) == before
    assert leftovers(out) == []


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    return archive(tmp_path_factory.mktemp("archive"), 40)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_faults_interrupted_while_reading(sig, previous, pages, tmp_path):
    out, before = previous
    fifo = tmp_path / "incoming.txt"
    os.mkfifo(fifo)                     # a page still being copied in: the build blocks reading it
    proc = _start(["build", str(fifo), str(pages), "--out", str(out), "--no-cache"])
    writer = []

    def reading() -> bool:
        try:
            writer.append(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))   # succeeds once the build has it open
            return True
        except OSError:
            return False

    _wait_for(reading, proc, "read of the pipe")
    status, err = _interrupt(proc, sig)
    os.close(writer[0])
    _assert_nothing_lost(out, before, status, err)


def _cached_extractions(cache: Path, seen: dict[Path, bool]) -> int:
    """Entries of the extraction cache that are extractions (it also keeps each page's reading)."""
    for path in cache.rglob("*.pkl"):
        if path not in seen:
            seen[path] = isinstance(pickle.loads(path.read_bytes()), Extraction)
    return sum(seen.values())


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_faults_interrupted_while_extracting_then_resumed(sig, previous, pages, tmp_path):
    out, before = previous
    cache = tmp_path / "cache"
    args = ["build", str(pages), "--out", str(out), "--cache-dir", str(cache)]
    proc = _start(args)
    seen: dict[Path, bool] = {}
    _wait_for(lambda: _cached_extractions(cache, seen) > 0, proc, "extraction cached")
    status, err = _interrupt(proc, sig)
    _assert_nothing_lost(out, before, status, err)
    done = _cached_extractions(cache, seen)
    resumed = subprocess.run(kg_cmd(*args), capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    m = re.search(r"extracted (\d+) text block\(s\).*?(\d+) from the cache", resumed.stdout)
    assert m, resumed.stdout
    assert int(m.group(1)) > 0 and int(m.group(2)) == done > 0      # stopped part way; resumed from there
    assert snapshot(out) != before


@pytest.fixture(scope="module")
def warm_cache(pages, tmp_path_factory):
    """The archive's extractions, cached: a build from it goes quickly to writing."""
    cache = tmp_path_factory.mktemp("warm") / "cache"
    warm = subprocess.run(kg_cmd("build", str(pages), "--out", str(cache.parent / "out"), "--cache-dir", str(cache),
                                 "--no-html"), capture_output=True, text=True, timeout=600)
    assert warm.returncode == 0, warm.stderr
    return cache


@pytest.mark.parametrize("sig, name", [(signal.SIGINT, "graph.ttl"), (signal.SIGTERM, "graph.ttl"),
                                       (signal.SIGINT, "graph.jsonld")])
def test_faults_interrupted_while_writing(sig, name, previous, pages, warm_cache):
    """Stopped once `name` is being written (Turtle first, then JSON-LD, then the HTML page)."""
    out, before = previous
    proc = _start(["build", str(pages), "--out", str(out), "--cache-dir", str(warm_cache), "--format", "json-ld"])
    _wait_for(lambda: any(out.glob(f".{name}.*.tmp")), proc, f"temporary {name}")
    status, err = _interrupt(proc, sig)
    _assert_nothing_lost(out, before, status, err)


def test_faults_killed_while_writing_next_build_clears_its_leftovers(previous, pages, warm_cache):
    """kill -9 runs no cleanup: the outputs are intact, its temporary file stays until the next build."""
    out, before = previous
    (out / ".notes.tmp").write_text("not ours")
    proc = _start(["build", str(pages), "--out", str(out), "--cache-dir", str(warm_cache)])
    _wait_for(lambda: any(out.glob(".graph.ttl.*.tmp")), proc, "temporary graph.ttl")
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=120)
    assert snapshot(out) == before
    assert any(name.startswith(".graph.ttl.") for name in leftovers(out))
    again = subprocess.run(kg_cmd("build", str(PAGE), "--out", str(out), "--no-cache", "-j", "1"),
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert leftovers(out) == [".notes.tmp"]          # ours removed, not a file we did not write


def test_faults_two_builds_into_one_folder(previous, tmp_path):
    """A second build into a folder another build is writing says so and changes nothing."""
    import fcntl

    out, before = previous
    fd = os.open(out / ".newskg.lock", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)        # as a build in another process holds it
        res = CliRunner().invoke(main, ["build", str(SAMPLES), "--out", str(out), "--no-cache", "-j", "1"])
    finally:
        os.close(fd)
    assert res.exit_code == 2
    assert res.stderr.splitlines() == [f"kg: {out.absolute()}: another kg build is writing here; the previous outputs "
                                       "are left as they were (wait for it, or use another --out)"]
    assert snapshot(out) == before


def test_faults_every_article_failing_is_nothing_built(previous, monkeypatch):
    out, before = previous

    def boom(*a, **k):
        raise RuntimeError("boom")

    monkeypatch.setattr("kg.extract.persons.run", boom)
    res = CliRunner().invoke(main, ["build", str(PAGE), "--out", str(out), "--no-cache", "-j", "1"])
    assert res.exit_code == 2
    assert res.stderr.splitlines()[-1] == ("kg: nothing to build: every article failed extraction; "
                                           "the previous outputs are left as they were")
    assert snapshot(out) == before


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_faults_interrupted_while_writing_the_store(pages, warm_cache, tmp_path):
    out = tmp_path / "out"
    first = subprocess.run(kg_cmd("build", str(PAGE), "--out", str(out), "--store", str(out / "store"), "--no-cache",
                                  "-j", "1"), capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    before, store_before = snapshot(out), _tree(out / "store")
    proc = _start(["build", str(pages), "--out", str(out), "--store", str(out / "store"),
                   "--cache-dir", str(warm_cache)])
    _wait_for(lambda: any(out.glob(".store.*.tmp")), proc, "temporary store")
    status, err = _interrupt(proc, signal.SIGINT)
    _assert_nothing_lost(out, before, status, err)
    assert _tree(out / "store") == store_before


# --- a full disk ---------------------------------------------------------------------------------

@pytest.fixture
def small_disk(tmp_path):
    """A 1.5 MB tmpfs (root only): room for the previous build's outputs, not for a second copy."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1500k", "tmpfs", str(mnt)], capture_output=True, text=True)
    if res.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {res.stderr.strip()}")
    yield mnt
    subprocess.run(["umount", str(mnt)], check=False)


def _full_disk_build(out: Path, cache: Path, **popen) -> subprocess.CompletedProcess:
    return subprocess.run(kg_cmd("build", str(SAMPLES), "--out", str(out), "--cache-dir", str(cache), "-j", "1"),
                          capture_output=True, text=True, timeout=300, **popen)


def test_faults_full_disk_tmpfs(small_disk, tmp_path):
    out = small_disk / "out"
    first = subprocess.run(kg_cmd("build", str(PAGE), "--out", str(out), "--no-cache", "-j", "1"),
                           capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    before = snapshot(out)
    res = _full_disk_build(out, tmp_path / "cache")
    assert res.returncode == 2
    lines = stderr_lines(res.stderr)
    assert len(lines) == 1 and re.fullmatch(
        rf"kg: {re.escape(str(out))}/graph\.(ttl|html): cannot be written \(no space left on device\); "
        r"the previous outputs are left as they were", lines[0]), lines
    assert snapshot(out) == before and leftovers(out) == []


def test_faults_file_size_limit(previous, tmp_path):
    out, before = previous

    def limit():            # RLIMIT_FSIZE: writes past 300 KB fail with EFBIG instead of killing the process
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (300_000, 300_000))

    res = _full_disk_build(out, tmp_path / "cache", preexec_fn=limit)
    assert res.returncode == 2
    assert stderr_lines(res.stderr) == [f"kg: {out}/graph.html: cannot be written (file too large); "
                                        "the previous outputs are left as they were"]
    assert snapshot(out) == before and leftovers(out) == []
