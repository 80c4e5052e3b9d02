"""`kg serve` in a subprocess for tests: started on a free port, its address read from its first line."""
from __future__ import annotations

import os
import select
import subprocess
import sys
from pathlib import Path


class Server:
    def __init__(self, args, log: Path):
        self.log = log.open("w")
        self.proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", *args], stdout=subprocess.PIPE,
                                     stderr=self.log, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        self.line = self._first_line(60)
        assert "serving" in self.line, self.line
        self.base = self.line.split(" at ")[1].split("/sparql")[0]
        self.endpoint = self.base + "/sparql"

    def _first_line(self, seconds: float) -> str:
        ready, _, _ = select.select([self.proc.stdout], [], [], seconds)
        return self.proc.stdout.readline() if ready else f"no announcement in {seconds} s"

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
        self.log.close()
